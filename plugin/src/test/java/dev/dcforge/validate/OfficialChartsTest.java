package dev.dcforge.validate;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.rules.BuiltInRules;
import dev.dcforge.validate.rules.RuleOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The official Atlassian charts' own rendered output (shared/fixtures/atlassian-official-chart-2.0.9, with their
 * unit-test values; Secrets and PVCs declared external as a user would) must produce no error: a gate that fails
 * the vendor's defaults would be switched off.
 */
class OfficialChartsTest {
    static Path official() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/fixtures/atlassian-official-chart-2.0.9");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    @ParameterizedTest
    @ValueSource(strings = {"jira", "confluence", "bitbucket", "bamboo", "bamboo-agent", "crowd"})
    void officialOutputHasNoUnexplainedErrors(String chart) {
        Path root = official();
        Assumptions.assumeTrue(root != null, "official Atlassian chart outputs are absent: not checked");
        ChartTarget target = new ChartTarget("official", chart);
        ValidationResult r = new Validator(BuiltInRules.select(new RuleOptions("restricted", Set.of("Secret/*", "PersistentVolumeClaim/*"))), Path.of("."))
                .validate(List.of(new Validator.Input(target, root.resolve(chart).resolve("output.yaml"), null, "atlassian", "1.32.0")));
        List<String> errors = r.findings().stream().filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.rule() + " " + f.kind() + "/" + f.name() + ": " + f.message()).toList();
        assertEquals(List.of(), errors, "errors on the official " + chart + " chart output");
        assertEquals(true, r.objects().get(target).size() >= 3, "the output was parsed");
    }
}
