package dev.dcforge.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.TestFiles;
import dev.dcforge.render.SourceMap;
import dev.dcforge.support.Yaml;
import dev.dcforge.validate.ValidationResult;
import dev.dcforge.validate.Validator;
import dev.dcforge.validate.report.JsonReport;
import dev.dcforge.validate.rules.BuiltInRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OverrideOriginsTest {
    private static Finding finding(String message) {
        return new Finding("r", Severity.ERROR, message, "fix", "c", "e", "Pod", "", "p", "t.yaml", 0, "m.yaml", 1, null, 0);
    }

    @Test
    void attributesTheLongestValueTheMessageNamesAsAWholeToken() {
        OverrideOrigins origins = new OverrideOrigins(List.of(
                new OverrideOrigins.Origin("JVM_SUPPORT_RECOMMENDED_ARGS", "overrides/confluence.yaml.j2", 12),
                new OverrideOrigins.Origin("-Dsynchrony.proxy.enabled=true -Xmx2g", "overrides/confluence.yaml.j2", 13),
                new OverrideOrigins.Origin("nginx", "overrides/ingress.yaml.j2", 3)));
        Finding f = origins.attribute(finding("sets env JVM_SUPPORT_RECOMMENDED_ARGS twice; keeps '-Dsynchrony.proxy.enabled=true -Xmx2g'"));
        assertEquals("overrides/confluence.yaml.j2", f.overrideFile());
        assertEquals(13, f.overrideLine(), "the longer value wins");
        // part of a longer word is no match, and short values never match
        assertNull(origins.attribute(finding("MY_JVM_SUPPORT_RECOMMENDED_ARGS_2 is set")).overrideFile());
        assertNull(origins.attribute(finding("runs nginx as root")).overrideFile());
    }

    @Test
    void validatorAttachesTheOverrideLineToFindingsAndReports(@TempDir Path tmp) {
        // what the render stage wrote: values and their source map
        JsonNode values = Yaml.parse("extraEnv:\n  - name: DB_CONNECTION\n    value: postgres://db-replica:5432/jira\n", "values");
        Path sourceMap = TestFiles.write(tmp.resolve("sources.json"), """
                {"sources": {"extraEnv[0]": {"file": "overrides/jira.yaml.j2", "line": 7},
                             "extraEnv[0].value": {"file": "overrides/jira.yaml.j2", "line": 8}}}
                """);
        OverrideOrigins origins = SourceMap.read(sourceMap).origins(values);
        Path manifest = TestFiles.write(tmp.resolve("m.yaml"), """
                apiVersion: v1
                kind: Pod
                metadata: {name: p}
                spec:
                  containers:
                    - name: c
                      image: nginx:1.27
                      env:
                        - {name: DB_CONNECTION, value: "postgres://db:5432/jira"}
                        - {name: DB_CONNECTION, value: "postgres://db-replica:5432/jira"}
                """);
        ChartTarget target = new ChartTarget("dev", "jira");
        ValidationResult result = new Validator(BuiltInRules.all(), tmp).withOverrideOrigins(t -> origins)
                .validate(List.of(new Validator.Input(target, manifest, null, "ns", "1.32.0")));
        Finding duplicate = result.findings().stream().filter(f -> f.rule().equals("duplicate-env-var")).findFirst().orElseThrow();
        assertEquals("overrides/jira.yaml.j2", duplicate.overrideFile());
        assertEquals(8, duplicate.overrideLine());
        JsonNode json = JsonReport.toJson(duplicate);
        assertEquals("overrides/jira.yaml.j2", json.path("overrideFile").asText());
        assertEquals(8, json.path("overrideLine").asInt());
    }
}
