package dev.dcforge.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validates one object against its {@link KindSchema} and words each failure for a chart author. */
public final class SchemaCheck {
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private SchemaCheck() {
    }

    public static List<SchemaViolation> validate(KindSchema kind, JsonNode object) {
        JsonNode instance = withoutNulls(object);
        Set<ValidationMessage> messages = kind.schema().validate(instance);
        List<SchemaViolation> out = new ArrayList<>();
        for (ValidationMessage m : messages) {
            out.add(describe(kind, instance, m));
        }
        out.sort(Comparator.comparing(SchemaViolation::path).thenComparing(SchemaViolation::problem));
        return out.stream().distinct().toList();
    }

    private static SchemaViolation describe(KindSchema kind, JsonNode instance, ValidationMessage m) {
        String at = render(m.getInstanceLocation());
        JsonNode schema = schemaOf(kind.document(), m.getSchemaLocation().getFragment());
        JsonNode value = m.getInstanceNode();
        return switch (m.getType()) {
            case "additionalProperties" -> {
                String field = m.getProperty();
                String suggestion = Suggestions.nearest(field, schema == null ? List.of() : names(schema.path("properties")));
                yield new SchemaViolation(child(at, field), "unknown field"
                        + (suggestion == null ? "" : "; did you mean " + suggestion + "?"));
            }
            case "required" -> new SchemaViolation(child(at, m.getProperty()), "required field is missing");
            case "type" -> new SchemaViolation(at, "expected " + expected(schema == null ? null : schema.get("type"))
                    + ", found " + describeValue(value));
            case "enum" -> new SchemaViolation(at, describeValue(value) + " is not one of " + enumValues(schema));
            default -> new SchemaViolation(at, stripLocation(m.getMessage()));
        };
    }

    /** The schema object holding the failing keyword: the keyword's location without its last segment. */
    private static JsonNode schemaOf(JsonNode document, JsonNodePath keywordLocation) {
        if (keywordLocation == null) {
            return null;
        }
        JsonNode node = document;
        for (int i = 0; i < keywordLocation.getNameCount() - 1; i++) {
            Object element = keywordLocation.getElement(i);
            node = element instanceof Integer index ? node.path(index) : node.path(String.valueOf(element));
        }
        return node.isMissingNode() ? null : node;
    }

    static String render(JsonNodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                out.append('[').append(index).append(']');
            } else {
                out.append(segment(out.length() == 0, String.valueOf(element)));
            }
        }
        return out.toString();
    }

    private static String child(String parent, String name) {
        return parent + segment(parent.isEmpty(), name);
    }

    private static String segment(boolean first, String name) {
        if (PLAIN_KEY.matcher(name).matches()) {
            return first ? name : "." + name;
        }
        return "[\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    private static List<String> names(JsonNode properties) {
        List<String> names = new ArrayList<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String expected(JsonNode type) {
        if (type == null) {
            return "another type";
        }
        if (type.isArray()) {
            List<String> names = new ArrayList<>();
            type.forEach(t -> names.add(t.asText()));
            return String.join(" or ", names);
        }
        return type.asText();
    }

    private static String enumValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        if (schema != null) {
            schema.path("enum").forEach(v -> values.add(v.isTextual() ? v.asText() : v.toString()));
        }
        return String.join(", ", values);
    }

    static String describeValue(JsonNode value) {
        if (value == null || value.isMissingNode()) {
            return "nothing";
        }
        return switch (value.getNodeType()) {
            case STRING -> "string \"" + abbreviate(value.asText()) + "\"";
            case NUMBER -> (value.isIntegralNumber() ? "integer " : "number ") + value.asText();
            case BOOLEAN -> "boolean " + value.asText();
            case OBJECT -> "object";
            case ARRAY -> "array";
            case NULL -> "null";
            default -> value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace("\n", "\\n");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }

    /** networknt prefixes messages with the instance location ("/spec/x: ..."); the finding has its own path. */
    private static String stripLocation(String message) {
        int colon = message.indexOf(": ");
        return colon >= 0 && message.substring(0, colon).indexOf(' ') < 0 ? message.substring(colon + 2) : message;
    }

    /**
     * Kubernetes reads an explicit null like an absent field ({@code annotations:} with nothing after it,
     * {@code creationTimestamp: null}), so object members that are null are dropped before validation.
     */
    static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getValue().isNull()) {
                    copy.set(e.getKey(), withoutNulls(e.getValue()));
                }
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(item -> copy.add(withoutNulls(item)));
            return copy;
        }
        return node;
    }
}
