package dev.dcforge.render;

import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Compiled values schemas are reused by content: an edited schema is the one that applies. */
class ValuesSchemaCacheTest {
    @TempDir
    Path chart;

    @Test
    void anEditedSchemaApplies() throws Exception {
        Files.writeString(chart.resolve("values.yaml"), "replicas: 1\n");
        Files.writeString(chart.resolve("values.schema.json"), "{\"type\": \"object\", \"properties\": {\"replicas\": {\"type\": \"integer\"}}}");
        ValuesSchemaCheck check = new ValuesSchemaCheck();
        Path out = chart.resolve("out.yaml");
        assertDoesNotThrow(() -> check.check(chart, Yaml.parse("replicas: 2", "t"), out, List.of()));
        assertDoesNotThrow(() -> check.check(chart, Yaml.parse("replicas: 3", "t"), out, List.of()));
        Files.writeString(chart.resolve("values.schema.json"), "{\"type\": \"object\", \"properties\": {\"replicas\": {\"type\": \"string\"}}}");
        assertThrows(UserError.class, () -> check.check(chart, Yaml.parse("replicas: 2", "t"), out, List.of()));
        assertThrows(UserError.class, () -> new ValuesSchemaCheck().check(chart, Yaml.parse("replicas: 2", "t"), out, List.of()));
    }
}
