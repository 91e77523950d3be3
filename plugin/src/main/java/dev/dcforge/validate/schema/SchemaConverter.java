package dev.dcforge.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns Kubernetes schemas (Swagger 2.0 definitions and CRD {@code openAPIV3Schema}s) into strict JSON Schema
 * (draft 4) for networknt.
 *
 * <ul>
 *   <li>only validating keywords are kept; descriptions, defaults, {@code format} and {@code x-kubernetes-*}
 *       annotations are dropped (Kubernetes formats such as int32 or date-time are not JSON Schema formats, and
 *       CEL rules cannot be evaluated here);</li>
 *   <li>int-or-string ({@code format: int-or-string}, {@code x-kubernetes-int-or-string}) accepts integers and
 *       strings; {@code Quantity} accepts numbers and strings;</li>
 *   <li>strict: every schema with {@code properties} and no {@code additionalProperties} gets
 *       {@code additionalProperties: false}, except where Kubernetes keeps unknown fields
 *       ({@code x-kubernetes-preserve-unknown-fields}, {@code x-kubernetes-embedded-resource}) and inside
 *       {@code anyOf/oneOf/allOf/not} branches, which only constrain what the enclosing schema declares.
 *       Free maps (labels, annotations, ConfigMap data) are declared with {@code additionalProperties} and so
 *       stay open.</li>
 * </ul>
 */
final class SchemaConverter {
    static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Keywords copied as they are (their values hold no subschemas). */
    private static final Set<String> SCALAR_KEYWORDS = Set.of("enum", "pattern", "minimum", "maximum",
            "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "minItems", "maxItems", "uniqueItems",
            "minProperties", "maxProperties", "multipleOf");

    private SchemaConverter() {
    }

    /** Converts one schema node; {@code $ref}s are kept as they are (they must point inside the same document). */
    static ObjectNode convert(JsonNode in, boolean strict) {
        return convert(in, strict, false);
    }

    /** Converts a whole Swagger {@code definitions} map, with the special Kubernetes value types. */
    static ObjectNode convertDefinitions(JsonNode definitions, Predicate<String> include) {
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!include.test(e.getKey())) {
                continue;
            }
            out.set(e.getKey(), switch (e.getKey()) {
                case INT_OR_STRING -> types("integer", "string");
                case QUANTITY -> types("string", "number");
                default -> convert(e.getValue(), true, false);
            });
        }
        return out;
    }

    private static ObjectNode convert(JsonNode in, boolean strict, boolean inCombinator) {
        ObjectNode out = NODES.objectNode();
        if (in == null || !in.isObject()) {
            return out;
        }
        if (in.has("$ref")) {
            out.put("$ref", in.get("$ref").asText());
            return out;
        }
        if ("int-or-string".equals(in.path("format").asText()) || in.path("x-kubernetes-int-or-string").asBoolean()) {
            return types("integer", "string");
        }
        boolean keepsUnknown = in.path("x-kubernetes-preserve-unknown-fields").asBoolean()
                || in.path("x-kubernetes-embedded-resource").asBoolean();
        JsonNode type = in.get("type");
        if (type != null) {
            if (in.path("nullable").asBoolean() && type.isTextual()) {
                out.set("type", NODES.arrayNode().add(type.asText()).add("null"));
            } else {
                out.set("type", type.deepCopy());
            }
        }
        for (String keyword : SCALAR_KEYWORDS) {
            if (in.has(keyword)) {
                out.set(keyword, in.get(keyword).deepCopy());
            }
        }
        JsonNode required = in.get("required");
        if (required != null && required.isArray() && !required.isEmpty()) {
            out.set("required", required.deepCopy());
        }
        JsonNode properties = in.get("properties");
        if (properties != null && properties.isObject()) {
            ObjectNode converted = out.putObject("properties");
            properties.fields().forEachRemaining(p -> converted.set(p.getKey(), convert(p.getValue(), strict, inCombinator)));
        }
        JsonNode additional = in.get("additionalProperties");
        if (additional != null) {
            out.set("additionalProperties", additional.isObject() ? convert(additional, strict, inCombinator) : additional.deepCopy());
        } else if (strict && properties != null && !keepsUnknown && !inCombinator) {
            out.put("additionalProperties", false);
        }
        JsonNode items = in.get("items");
        if (items != null) {
            if (items.isArray()) {
                ArrayNode list = out.putArray("items");
                items.forEach(i -> list.add(convert(i, strict, inCombinator)));
            } else {
                out.set("items", convert(items, strict, inCombinator));
            }
        }
        for (String combinator : new String[]{"anyOf", "oneOf", "allOf"}) {
            JsonNode branches = in.get(combinator);
            if (branches != null && branches.isArray()) {
                ArrayNode list = out.putArray(combinator);
                branches.forEach(b -> list.add(convert(b, strict, true)));
            }
        }
        if (in.has("not")) {
            out.set("not", convert(in.get("not"), strict, true));
        }
        return out;
    }

    static ObjectNode types(String... names) {
        ObjectNode out = NODES.objectNode();
        ArrayNode list = out.putArray("type");
        for (String n : names) {
            list.add(n);
        }
        return out;
    }
}
