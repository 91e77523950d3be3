package dev.dcforge.packaging;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/** A small YAML emitter in the layout of Go's yaml.v2, which Helm uses for index.yaml. */
final class GoYaml {
    /** Plain scalars YAML 1.1 would read as something other than a string. */
    private static final Pattern NOT_A_STRING = Pattern.compile(
            "(?i)(y|n|yes|no|on|off|true|false|null|~|[-+]?\\.inf|\\.nan)"
                    + "|[-+]?(0|[1-9][0-9_]*)(\\.[0-9_]*)?([eE][-+]?[0-9]+)?|[-+]?\\.[0-9]+([eE][-+]?[0-9]+)?"
                    + "|0[0-7_]+|0x[0-9a-f_]+|0b[01_]+|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
                    + "|\\d{4}-\\d\\d?-\\d\\d?([Tt ].*)?");
    private static final String INDICATORS = "-?:,[]{}#&*!|>'\"%@`";

    private GoYaml() {
    }

    static void emit(JsonNode node, int indent, StringBuilder out) {
        if (node.isObject()) {
            if (node.isEmpty()) {
                out.append(" ".repeat(indent)).append("{}\n");
                return;
            }
            mapping(node, indent, out, false);
        } else if (node.isArray()) {
            sequence(node, indent, out);
        } else {
            out.append(" ".repeat(indent)).append(scalar(node)).append('\n');
        }
    }

    /** @param inSequence the first key follows "- " on the current line */
    private static void mapping(JsonNode node, int indent, StringBuilder out, boolean inSequence) {
        boolean first = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!(first && inSequence)) {
                out.append(" ".repeat(indent));
            }
            first = false;
            out.append(string(e.getKey())).append(':');
            JsonNode v = e.getValue();
            if (v.isObject() && !v.isEmpty()) {
                out.append('\n');
                mapping(v, indent + 2, out, false);
            } else if (v.isArray() && !v.isEmpty()) {
                out.append('\n');
                sequence(v, indent, out);
            } else {
                out.append(' ').append(v.isObject() ? "{}" : v.isArray() ? "[]" : scalar(v)).append('\n');
            }
        }
    }

    private static void sequence(JsonNode node, int indent, StringBuilder out) {
        if (node.isEmpty()) {
            out.append(" ".repeat(indent)).append("[]\n");
            return;
        }
        for (JsonNode item : node) {
            out.append(" ".repeat(indent)).append("- ");
            if (item.isObject() && !item.isEmpty()) {
                mapping(item, indent + 2, out, true);
            } else if (item.isArray() && !item.isEmpty()) {
                out.append('\n');
                sequence(item, indent + 2, out);
            } else {
                out.append(item.isObject() ? "{}" : item.isArray() ? "[]" : scalar(item)).append('\n');
            }
        }
    }

    private static String scalar(JsonNode v) {
        if (v.isNull()) {
            return "null";
        }
        if (v.isBoolean() || v.isNumber()) {
            return v.asText();
        }
        return string(v.asText());
    }

    static String string(String s) {
        boolean plain = !s.isEmpty()
                && !NOT_A_STRING.matcher(s).matches()
                && INDICATORS.indexOf(s.charAt(0)) < 0
                && !Character.isWhitespace(s.charAt(0)) && !Character.isWhitespace(s.charAt(s.length() - 1))
                && !s.contains(": ") && !s.contains(" #") && !s.endsWith(":")
                && s.chars().allMatch(c -> c >= 0x20 && c != 0x7f);
        if (plain) {
            return s;
        }
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        q.append(String.format("\\x%02X", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
