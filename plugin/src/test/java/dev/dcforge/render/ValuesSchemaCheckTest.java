package dev.dcforge.render;

import dev.dcforge.TestFiles;
import dev.dcforge.support.Yaml;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ValuesSchemaCheckTest {
    @TempDir
    Path tmp;

    @Test
    void errorMessageNextToAConstraintReplacesTheGenericMessage() {
        Path chart = tmp.resolve("server");
        TestFiles.write(chart.resolve("values.yaml"), "replicaCount: 1\nname: x\n");
        TestFiles.write(chart.resolve("values.schema.json"), """
                {"$schema": "http://json-schema.org/draft-07/schema#", "type": "object", "properties": {
                  "replicaCount": {"type": "integer", "maximum": 1,
                                   "errorMessage": {"maximum": "replicaCount must be 0 or 1: the server is active-passive"}},
                  "name": {"type": "string"}}}
                """);
        List<ValuesSchemaCheck.Finding> findings = new ValuesSchemaCheck().findings(chart,
                Yaml.mapper().createObjectNode().put("replicaCount", 2).put("name", 3), SourceMap.empty());
        assertEquals(List.of("name: integer found, string expected",
                        "replicaCount: replicaCount must be 0 or 1: the server is active-passive"),
                findings.stream().map(f -> f.path() + ": " + f.problem()).toList());
    }
}
