package dev.dcforge.render;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.support.Yaml;
import dev.dcforge.support.YamlLines;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceMapTest {
    @Test
    void yamlLinesIndexKeysItemsAndQuotedKeys() {
        YamlLines lines = YamlLines.of("""
                a:
                  b: 1
                  list:
                    - name: x
                      value: y
                    - plain
                annotations:
                  example.com/team: core
                """);
        assertEquals(2, lines.line("a.b"));
        assertEquals(4, lines.line("a.list[0]"));
        assertEquals(5, lines.line("a.list[0].value"));
        assertEquals(6, lines.line("a.list[1]"));
        assertEquals(8, lines.line("annotations[\"example.com/team\"]"));
        assertEquals(5, lines.nearestLine("a.list[0].value.deeper"));
        assertEquals("a.list[0]", YamlLines.parent("a.list[0].value"));
        assertEquals("a.list", YamlLines.parent("a.list[0]"));
        assertEquals("annotations", YamlLines.parent("annotations[\"example.com/team\"]"));
        assertEquals("a.list[1].x", YamlLines.of(List.of("a", "list", 1, "x")));
    }

    @Test
    void aliasBombStaysSmallAndBrokenYamlGivesAnEmptyIndex() {
        StringBuilder bomb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i < 20; i++) { // 38 aliases, under the reader's limit; 2^20 paths if each alias were walked
            bomb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        YamlLines lines = YamlLines.of(bomb.toString());
        assertTrue(lines.all().size() < 200, "aliases are indexed once: " + lines.all().size());
        assertEquals(20, lines.line("a19"));
        assertTrue(YamlLines.of("a: [unclosed\n").all().isEmpty());
    }

    @Test
    void lineMarkersSurviveLoopsIncludesAndTrimming() {
        String template = "a: 1\n{% for i in [1, 2] %}\n- {{ i }}\n{% endfor %}\nb:\n  {{- ' x' }}\nc: {{ 'v' }}\n";
        String marked = LineMarkers.mark(template, 0);
        LineMarkers.Unmarked out = LineMarkers.unmark(marked);
        assertTrue(out.text().startsWith("a: 1\n"), out.text());
        assertEquals(1, out.lineOrigin(1).line());
        assertEquals(3, out.lineOrigin(3).line(), "loop body lines map to the loop body");
        assertEquals(3, out.lineOrigin(4).line());
        assertTrue(!out.text().contains("\u0001"), "no marker left");
    }

    @Test
    void mergeFollowsValuesSemantics() {
        ObjectNode base = (ObjectNode) Yaml.parse("a:\n  x: 1\n  y: 2\nlist: [1, 2]\n", "b");
        SourceMap map = new SourceMap(entries("a", "base:1", "a.x", "base:2", "a.y", "base:3", "list", "base:4", "list[0]", "base:4", "list[1]", "base:4"));
        ObjectNode overlay = (ObjectNode) Yaml.parse("a:\n  y: 3\nlist: [9]\n", "o");
        SourceMap layer = new SourceMap(entries("a", "env:1", "a.y", "env:2", "list", "env:3", "list[0]", "env:3"));
        map.merge(base, overlay, layer, "");
        assertEquals("base:2", map.lookup("a.x").orElseThrow().toString(), "maps merge: untouched keys keep their source");
        assertEquals("env:2", map.lookup("a.y").orElseThrow().toString());
        assertEquals("env:3", map.lookup("list").orElseThrow().toString());
        assertTrue(map.exact("list[1]").isEmpty(), "lists replace: old items are gone");
        assertEquals("env:3", map.lookup("list[0].deep").orElseThrow().toString(), "lookup falls back to the nearest ancestor");
        assertTrue(map.lookup("other").isEmpty());
    }

    private static Map<String, SourceMap.Source> entries(String... kv) {
        Map<String, SourceMap.Source> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            String[] fl = kv[i + 1].split(":");
            m.put(kv[i], new SourceMap.Source(fl[0], Integer.parseInt(fl[1])));
        }
        return m;
    }
}
