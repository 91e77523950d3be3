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
}
