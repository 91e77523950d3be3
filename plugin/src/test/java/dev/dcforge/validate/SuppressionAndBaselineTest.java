package dev.dcforge.validate;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.Finding;
import dev.dcforge.model.Severity;
import dev.dcforge.support.UserError;
import dev.dcforge.validate.rules.BuiltInRules;
import dev.dcforge.validate.rules.Rule;
import dev.dcforge.validate.rules.RuleOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SuppressionAndBaselineTest {
    static final ChartTarget TARGET = new ChartTarget("prod", "jira");
    static final String HOST_NETWORK = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: jira
              annotations:
                %s
            spec:
              selector: {matchLabels: {app: jira}}
              template:
                metadata:
                  labels: {app: jira}
                  annotations:
                    %s
                spec:
                  hostNetwork: true
                  containers: [{name: jira, image: "atlassian/jira-software:10.3.2"}]
            """;

    private static Rule rule(String id) {
        return BuiltInRules.all().stream().filter(r -> r.info().id().equals(id)).findFirst().orElseThrow();
    }

    private static ManifestSet set(String yaml) {
        return new ManifestSet(TARGET, "jira", "1.32.0", new ManifestParser().parse(TARGET, Path.of("manifest.yaml"), yaml));
    }

    @Test
    void annotationOnObjectOrPodTemplateSuppressesWithItsReason() {
        for (String[] where : new String[][] {{"dcforge.dev/ignore.pss-host-network: \"metrics agent\"", "x: y"},
                {"x: y", "dcforge.dev/ignore.pss-host-network: \"metrics agent\""}}) {
            List<ValidationResult.Suppressed> suppressed = new ArrayList<>();
            List<Finding> active = new RuleEngine(List.of(rule("pss-host-network")))
                    .run(set(HOST_NETWORK.formatted(where[0], where[1])), s -> null, suppressed);
            assertEquals(List.of(), active);
            assertEquals(1, suppressed.size());
            assertEquals("metrics agent", suppressed.get(0).reason());
            assertEquals("annotation dcforge.dev/ignore.pss-host-network", suppressed.get(0).source());
        }
    }

    @Test
    void emptyReasonDoesNotSuppressAndIsAnError() {
        ManifestSet s = set(HOST_NETWORK.formatted("dcforge.dev/ignore.pss-host-network: \"\"", "x: y"));
        List<ValidationResult.Suppressed> suppressed = new ArrayList<>();
        List<Finding> active = new RuleEngine(List.of(rule("pss-host-network"), rule("suppression-without-reason")))
                .run(s, x -> null, suppressed);
        assertEquals(List.of("pss-host-network", "suppression-without-reason"), active.stream().map(Finding::rule).sorted().toList());
        assertEquals(Severity.ERROR, active.stream().filter(f -> f.rule().equals("suppression-without-reason")).findFirst().orElseThrow().severity());
        assertEquals(List.of(), suppressed);
    }

    @Test
    void exemptionSelectorsAndGlobs() {
        Finding f = new Finding("pss-run-as-non-zero-user", Severity.WARNING, "m", "r", "confluence", "prod", "StatefulSet", "",
                "unittest-confluence", "t.yaml", 0, "m.yaml", 3, null, 0);
        Exemptions ex = Exemptions.parse("""
                exemptions:
                  - rule: pss-*
                    kind: Deployment
                    reason: wrong kind
                  - rule: "pss-run-as-non-zero-user"
                    name: "*-confluence"
                    environment: "pr?d"
                    reason: nfs-permission-fixer chowns the shared home
                """, "ex.yaml");
        Exemptions.Exemption hit = ex.active(f, LocalDate.of(2026, 1, 1)).orElseThrow();
        assertEquals(5, hit.line());
        assertEquals("nfs-permission-fixer chowns the shared home", hit.reason());
        assertTrue(ex.active(new Finding("pss-run-as-non-zero-user", Severity.WARNING, "m", "r", "confluence", "staging",
                "StatefulSet", "", "unittest-confluence", "t", 0, "m", 0, null, 0), LocalDate.of(2026, 1, 1)).isEmpty());
    }

    @Test
    void exemptionForAnUnknownRuleIsReported() {
        Exemptions ex = Exemptions.parse("exemptions:\n  - rule: pss-host-netwrok\n    reason: typo\n  - rule: pss-*\n    reason: glob\n", "ex.yaml");
        List<String> warnings = ex.unknownRuleWarnings(List.of("pss-host-network"));
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("ex.yaml:2: exemption names rule 'pss-host-netwrok'"), warnings.get(0));
    }

    @Test
    void exemptionFileMistakesNameTheLine() {
        UserError noReason = assertThrows(UserError.class, () -> Exemptions.parse("""
                exemptions:
                  - rule: a
                    reason: ok
                  - rule: b
                    kind: Service
                """, "ex.yaml"));
        assertEquals(4, noReason.line());
        assertTrue(noReason.getMessage().contains("no reason"), noReason.getMessage());
        UserError badDate = assertThrows(UserError.class, () -> Exemptions.parse("""
                exemptions:
                  - rule: a
                    reason: ok
                    expires: 31.12.2026
                """, "ex.yaml"));
        assertEquals(2, badDate.line());
        UserError typo = assertThrows(UserError.class, () -> Exemptions.parse("exemptions:\n  - rule: a\n    reason: b\n    nmae: x\n", "ex.yaml"));
        assertTrue(typo.getMessage().contains("nmae"), typo.getMessage());
    }

    @Test
    void baselineRecordsThenOnlyNewFindingsStayActiveAndFixedOnesAreReported(@TempDir Path dir) {
        Finding a = new Finding("r1", Severity.ERROR, "one", "fix", "jira", "prod", "Deployment", "", "jira", "t", 4, "m", 1, null, 0);
        Finding b = new Finding("r2", Severity.WARNING, "two", "fix", "jira", "prod", "Service", "", "jira", "t", 9, "m", 2, null, 0);
        Finding c = new Finding("r3", Severity.ERROR, "three", "fix", "jira", "prod", "Service", "", "jira", "t", 1, "m", 1, null, 0);
        Path file = dir.resolve("dcforge-baseline.yaml");
        Baseline.record(new ValidationResult(List.of(a, b), List.of(), Map.of(), List.of()), file);
        assertTrue(Files.isRegularFile(file));

        // later: a moved lines (still the same finding), b fixed, c new
        Finding aMoved = new Finding("r1", Severity.ERROR, "one", "fix", "jira", "prod", "Deployment", "", "jira", "t", 40, "m", 17, null, 0);
        Baseline.Applied applied = Baseline.load(file).apply(new ValidationResult(List.of(aMoved, c), List.of(), Map.of(), List.of()));
        assertEquals(List.of(c), applied.result().findings());
        assertEquals(1, applied.result().suppressed().size());
        assertTrue(applied.result().suppressed().get(0).source().startsWith("baseline "));
        assertEquals(List.of("r2"), applied.fixed().stream().map(Baseline.Entry::rule).toList());
        assertTrue(applied.result().notices().get(0).contains("1 accepted finding(s) no longer occur"), applied.result().notices().toString());
    }

    @Test
    void baselineCountsDuplicates(@TempDir Path dir) {
        Finding a = new Finding("r1", Severity.ERROR, "same", "fix", "c", "e", "Pod", "", "p", "t", 0, "m", 0, null, 0);
        Path file = dir.resolve("b.yaml");
        Baseline.record(new ValidationResult(List.of(a), List.of(), Map.of(), List.of()), file);
        Baseline.Applied applied = Baseline.load(file).apply(new ValidationResult(List.of(a, a), List.of(), Map.of(), List.of()));
        assertEquals(1, applied.result().findings().size(), "a second identical finding is new");
    }

    @Test
    void notABaselineIsAUserError(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("b.yaml");
        Files.writeString(file, "findings: []\n");
        assertThrows(UserError.class, () -> Baseline.load(file));
        assertThrows(UserError.class, () -> Baseline.load(dir.resolve("missing.yaml")));
    }

    @Test
    void podSecurityProfileSelectsRules() {
        List<String> restricted = BuiltInRules.select(new RuleOptions("restricted", null)).stream().map(r -> r.info().id()).toList();
        List<String> baseline = BuiltInRules.select(new RuleOptions("baseline", null)).stream().map(r -> r.info().id()).toList();
        List<String> privileged = BuiltInRules.select(new RuleOptions("privileged", null)).stream().map(r -> r.info().id()).toList();
        assertTrue(restricted.contains("pss-run-as-non-root") && restricted.contains("pss-host-network"));
        assertTrue(!baseline.contains("pss-run-as-non-root") && baseline.contains("pss-host-network"));
        assertTrue(privileged.stream().noneMatch(id -> id.startsWith("pss-")));
        assertTrue(privileged.contains("duplicate-env-var"));
        assertThrows(UserError.class, () -> new RuleOptions("strict", null));
    }

    @Test
    void externalObjectsSatisfyReferences() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: jira}
                spec:
                  selector: {matchLabels: {app: jira}}
                  template:
                    metadata: {labels: {app: jira}}
                    spec:
                      containers:
                        - name: jira
                          image: atlassian/jira-software:10.3.2
                          env: [{name: ATL_JDBC_PASSWORD, valueFrom: {secretKeyRef: {name: jira-db, key: password}}}]
                """;
        Rule strict = BuiltInRules.all().stream().filter(r -> r.info().id().equals("secret-missing")).findFirst().orElseThrow();
        Rule lenient = BuiltInRules.all(new RuleOptions(null, RuleOptions.parseExternal("Secret/jira-db, PersistentVolumeClaim/*")))
                .stream().filter(r -> r.info().id().equals("secret-missing")).findFirst().orElseThrow();
        assertEquals(1, new RuleEngine(List.of(strict)).run(set(yaml), s -> null, new ArrayList<>()).size());
        assertEquals(0, new RuleEngine(List.of(lenient)).run(set(yaml), s -> null, new ArrayList<>()).size());
        assertThrows(UserError.class, () -> RuleOptions.parseExternal("jira-db"));
    }
}
