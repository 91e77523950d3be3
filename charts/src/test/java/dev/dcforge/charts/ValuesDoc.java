package dev.dcforge.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates a chart README's values table from values.yaml: a key is documented by the
 * "# -- description" comment block directly above it (helm-docs style). The default shown is the
 * parsed value of that key in values.yaml.
 */
final class ValuesDoc {

    static final String START = "<!-- values-table:start -->";
    static final String END = "<!-- values-table:end -->";

    private static final Pattern KEY = Pattern.compile("^(\\s*)([A-Za-z0-9_.-]+):(.*)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    record Entry(String key, String type, String defaultJson, String description) {
    }

    private ValuesDoc() {
    }

    static List<Entry> entries(Path valuesYaml) throws Exception {
        String text = ChartSupport.read(valuesYaml);
        JsonNode values = ChartSupport.YAML.readTree(text);
        List<Entry> entries = new ArrayList<>();
        List<String> stack = new ArrayList<>();
        List<Integer> indents = new ArrayList<>();
        StringBuilder description = null;
        for (String line : text.split("\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("# --")) {
                description = new StringBuilder(trimmed.substring(4).strip());
                continue;
            }
            if (trimmed.startsWith("#")) {
                if (description != null) {
                    description.append(' ').append(trimmed.substring(1).strip());
                }
                continue;
            }
            Matcher m = KEY.matcher(line);
            if (!m.matches() || trimmed.startsWith("-")) {
                if (!trimmed.isEmpty()) {
                    description = null;
                }
                continue;
            }
            int indent = m.group(1).length();
            while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
                indents.remove(indents.size() - 1);
                stack.remove(stack.size() - 1);
            }
            stack.add(m.group(2));
            indents.add(indent);
            if (description != null) {
                JsonNode node = values;
                for (String k : stack) {
                    node = node.path(k);
                }
                entries.add(new Entry(String.join(".", stack), type(node), JSON.writeValueAsString(node), description.toString()));
                description = null;
            }
        }
        return entries;
    }

    static String type(JsonNode node) {
        if (node.isObject()) return "object";
        if (node.isArray()) return "list";
        if (node.isBoolean()) return "bool";
        if (node.isInt() || node.isLong()) return "int";
        if (node.isNumber()) return "float";
        if (node.isNull() || node.isMissingNode()) return "string";
        return "string";
    }

    static String table(Path valuesYaml) throws Exception {
        StringBuilder sb = new StringBuilder("| Key | Type | Default | Description |\n|-----|------|---------|-------------|\n");
        for (Entry e : entries(valuesYaml)) {
            sb.append("| ").append(e.key()).append(" | ").append(e.type()).append(" | `")
                    .append(e.defaultJson().replace("|", "\\|")).append("` | ")
                    .append(e.description().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    /** The README text with the table between the markers replaced by a freshly generated one. */
    static String withTable(String readme, String table) {
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        if (start < 0 || end < start) {
            throw new IllegalStateException("README has no " + START + " ... " + END + " section");
        }
        return readme.substring(0, start + START.length()) + "\n" + table + readme.substring(end);
    }
}
