package dev.dcforge.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** README values tables are generated from values.yaml and current; values.schema.json covers every key. */
class ReadmeAndSchemaTest {

    @ParameterizedTest
    @ValueSource(strings = {"confluence", "jira"})
    void readmeValuesTableIsCurrent(String chart) throws Exception {
        Path dir = ChartSupport.chartsDir().resolve(chart);
        Path readme = dir.resolve("README.md");
        String current = ChartSupport.read(readme);
        String expected = ValuesDoc.withTable(current, ValuesDoc.table(dir.resolve("values.yaml")));
        if (ChartSupport.REFRESH) {
            ChartSupport.write(readme, expected);
            current = expected;
        }
        assertEquals(expected, current, chart + "/README.md values table is stale: run the charts tests with -Ddcforge.refreshGolden=true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"confluence", "jira"})
    void everyValuesKeyIsDocumented(String chart) throws Exception {
        Path values = ChartSupport.chartsDir().resolve(chart).resolve("values.yaml");
        Set<String> documented = ValuesDoc.entries(values).stream().map(ValuesDoc.Entry::key).collect(Collectors.toSet());
        List<String> undocumented = new ArrayList<>();
        for (String leaf : leaves(ChartSupport.YAML.readTree(values.toFile()), "")) {
            boolean covered = false;
            for (String k = leaf; !k.isEmpty(); k = k.contains(".") ? k.substring(0, k.lastIndexOf('.')) : "") {
                covered |= documented.contains(k);
            }
            if (!covered) {
                undocumented.add(leaf);
            }
        }
        assertTrue(undocumented.isEmpty(), chart + "/values.yaml keys without a '# --' description: " + undocumented);
    }

    @ParameterizedTest
    @ValueSource(strings = {"confluence", "jira"})
    void schemaCoversEveryValuesKeyAndRejectsUnknownTopLevelKeys(String chart) throws Exception {
        Path dir = ChartSupport.chartsDir().resolve(chart);
        JsonNode schema = new ObjectMapper().readTree(dir.resolve("values.schema.json").toFile());
        assertFalse(schema.path("additionalProperties").asBoolean(true), "top level must reject unknown keys");
        List<String> missing = new ArrayList<>();
        for (String leaf : leaves(ChartSupport.YAML.readTree(dir.resolve("values.yaml").toFile()), "")) {
            JsonNode node = schema;
            for (String part : leaf.split("\\.")) {
                if (node.path("properties").has(part)) {
                    node = node.path("properties").path(part);
                } else if (node.path("additionalProperties").asBoolean(true) && !node.path("properties").isObject()) {
                    break; // free-form object (annotations, resources, customVolume, ...)
                } else {
                    missing.add(leaf);
                    break;
                }
            }
        }
        assertTrue(missing.isEmpty(), chart + "/values.schema.json does not cover: " + missing);
    }

    /** Dotted paths of every leaf (scalars, lists, empty maps) in a values tree. */
    static List<String> leaves(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        if (node.isObject() && node.size() > 0) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.addAll(leaves(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey()));
            }
        } else if (!prefix.isEmpty()) {
            out.add(prefix);
        }
        return out;
    }
}
