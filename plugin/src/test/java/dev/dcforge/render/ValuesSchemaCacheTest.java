package dev.dcforge.render;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        ChartTarget target = new ChartTarget("dev", "app");
        assertDoesNotThrow(() -> check.check(chart, Yaml.parse("replicas: 2", "t"), target, SourceMap.empty()));
        assertDoesNotThrow(() -> check.check(chart, Yaml.parse("replicas: 3", "t"), target, SourceMap.empty()));
        Files.writeString(chart.resolve("values.schema.json"), "{\"type\": \"object\", \"properties\": {\"replicas\": {\"type\": \"string\"}}}");
        assertThrows(UserError.class, () -> check.check(chart, Yaml.parse("replicas: 2", "t"), target, SourceMap.empty()));
        assertEquals(1, new ValuesSchemaCheck().findings(chart, Yaml.parse("replicas: 2", "t"), SourceMap.empty()).size());
    }
}
