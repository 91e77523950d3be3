package dev.dcforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;

/** Helm's merge semantics for values: maps merge key by key, everything else (lists too) is replaced. */
public final class Values {
    private Values() {
    }

    public static ObjectNode deepMerge(ObjectNode base, ObjectNode overlay) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = base.get(e.getKey());
            if (existing instanceof ObjectNode baseChild && e.getValue() instanceof ObjectNode overlayChild) {
                deepMerge(baseChild, overlayChild);
            } else {
                base.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return base;
    }

    /**
     * The same values with keys in the order of a reference (the chart's values.yaml), keys the
     * reference does not have last in their own order: rendered values read like the chart's README.
     */
    public static ObjectNode orderLike(ObjectNode values, JsonNode reference) {
        ObjectNode out = values.objectNode();
        if (reference != null && reference.isObject()) {
            reference.fieldNames().forEachRemaining(k -> {
                if (values.has(k)) {
                    out.set(k, ordered(values.get(k), reference.get(k)));
                }
            });
        }
        values.fields().forEachRemaining(e -> {
            if (!out.has(e.getKey())) {
                out.set(e.getKey(), ordered(e.getValue(), null));
            }
        });
        return out;
    }

    private static JsonNode ordered(JsonNode value, JsonNode reference) {
        return value instanceof ObjectNode o ? orderLike(o, reference) : value;
    }
}
