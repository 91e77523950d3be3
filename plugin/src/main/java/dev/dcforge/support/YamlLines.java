package dev.dcforge.support;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Index from a values path ({@code a.b[0].c}, {@code annotations["x.io/y"]}) to the 1-based line
 * that holds it in a YAML text, built once from SnakeYAML's node marks. A mapping entry's line is its
 * key's line; a list item's line is the item's first line. Used for stack file errors and for the
 * values source map.
 */
public final class YamlLines {
    private static final int MAX_ENTRIES = 200_000;
    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    private final Map<String, Integer> lines;

    private YamlLines(Map<String, Integer> lines) {
        this.lines = lines;
    }

    /** Index of a YAML text (one document). Text that does not parse yields an empty index. */
    public static YamlLines of(String text) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        try {
            Node root = text.isBlank() ? null : Yaml.compose(text, "(line index)");
            if (root != null) {
                lines.put("", root.getStartMark().getLine() + 1);
                walk(root, "", lines, Collections.newSetFromMap(new IdentityHashMap<>()));
            }
        } catch (RuntimeException e) {
            // the text was parsed (and its errors reported) by Yaml; an index is best effort
        }
        return new YamlLines(lines);
    }

    private static void walk(Node node, String path, Map<String, Integer> lines, Set<Node> seen) {
        if (!seen.add(node) || lines.size() >= MAX_ENTRIES) {
            return; // an alias: its paths are indexed where it was defined (and alias bombs stay small)
        }
        if (node instanceof MappingNode map) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key && !"<<".equals(key.getValue())) {
                    String child = child(path, key.getValue());
                    lines.putIfAbsent(child, key.getStartMark().getLine() + 1);
                    walk(tuple.getValueNode(), child, lines, seen);
                }
            }
        } else if (node instanceof SequenceNode seq) {
            List<Node> items = seq.getValue();
            for (int i = 0; i < items.size(); i++) {
                String child = index(path, i);
                lines.putIfAbsent(child, items.get(i).getStartMark().getLine() + 1);
                walk(items.get(i), child, lines, seen);
            }
        }
    }

    /** The line of a path, or 0 when unknown. */
    public int line(String path) {
        Integer line = lines.get(path);
        return line == null ? 0 : line;
    }

    /** The line of the path or of its nearest ancestor that has one (0 when none). */
    public int nearestLine(String path) {
        String p = path;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
            p = parent(p);
        }
    }

    /** Every indexed path in document order. */
    public Map<String, Integer> all() {
        return Collections.unmodifiableMap(lines);
    }

    /** {@code parent.key}, or {@code parent["key"]} when the key is not a plain identifier. */
    public static String child(String parent, String key) {
        if (PLAIN_KEY.matcher(key).matches()) {
            return parent.isEmpty() ? key : parent + "." + key;
        }
        return parent + "[" + Yaml.writeJsonString(key) + "]";
    }

    public static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** The parent of a path ("" for a top-level key). */
    public static String parent(String path) {
        int end = path.length();
        if (path.endsWith("]")) {
            int open = openBracket(path);
            return path.substring(0, open);
        }
        int dot = path.lastIndexOf('.', end - 1);
        int bracket = path.lastIndexOf(']', end - 1);
        return dot > bracket ? path.substring(0, dot) : bracket >= 0 ? path.substring(0, bracket + 1) : "";
    }

    private static int openBracket(String path) {
        // the last segment is [n] or ["..."]; a quoted key may itself hold brackets
        int i = path.length() - 2;
        if (path.charAt(i) == '"') {
            i--;
            while (i > 0 && !(path.charAt(i) == '"' && path.charAt(i - 1) == '[' && !escaped(path, i))) {
                i--;
            }
            return i - 1;
        }
        return path.lastIndexOf('[');
    }

    private static boolean escaped(String s, int i) {
        int backslashes = 0;
        for (int j = i - 1; j >= 0 && s.charAt(j) == '\\'; j--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** Builds a path from JSON Schema / JSON pointer style segments (String keys, Integer indexes). */
    public static String of(List<?> segments) {
        String path = "";
        for (Object segment : segments) {
            path = segment instanceof Integer i ? index(path, i) : child(path, String.valueOf(segment));
        }
        return path;
    }
}
