package dev.dcforge.validate;

import dev.dcforge.TestFiles;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.Finding;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.rules.BuiltInRules;
import dev.dcforge.validate.rules.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A misspelt field in a chart template fails validation naming the template; it can be suppressed like any rule. */
class SchemaValidationEndToEndTest {
    @TempDir
    Path tmp;

    private static final String RENDERED = """
            ---
            # Source: demo/templates/deployment.yaml
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
              annotations: %s
            spec:
              selector:
                matchLabels: {app: demo}
              template:
                metadata:
                  labels: {app: demo}
                spec:
                  containers:
                    - name: app
                      image: nginx:1.27
                      imagePullPolcy: IfNotPresent
                      securityContext: {runAsNonRoot: true, allowPrivilegeEscalation: false}
            ---
            # Source: demo/templates/pdb.yaml
            apiVersion: policy/v1beta1
            kind: PodDisruptionBudget
            metadata:
              name: demo
            spec:
              minAvailable: 1
            """;

    private ValidationResult validate(String annotations, String kubeVersion) {
        Path chart = tmp.resolve("charts/demo");
        TestFiles.write(chart.resolve("templates/deployment.yaml"), "# template\n");
        Path manifest = TestFiles.write(tmp.resolve("target/dcforge/manifests/dev/demo.yaml"), RENDERED.formatted(annotations));
        return new Validator(BuiltInRules.all(), tmp).validate(List.of(
                new Validator.Input(new ChartTarget("dev", "demo"), manifest, chart, "ns", kubeVersion)));
    }

    @Test
    void builtInRulesIncludeTheSchemaRules() {
        List<String> ids = BuiltInRules.all().stream().map(Rule::info).map(i -> i.id()).toList();
        assertTrue(ids.containsAll(List.of("kubernetes-schema", "schema-not-validated", "deprecated-api-version")), ids.toString());
    }

    @Test
    void misspeltFieldFailsNamingTheTemplate() {
        ValidationResult r = validate("{}", "1.32.0");
        Finding f = r.findings().stream().filter(x -> x.rule().equals("kubernetes-schema")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, f.severity());
        assertEquals(Path.of("charts/demo/templates/deployment.yaml").toString(), f.file());
        assertEquals(Path.of("target/dcforge/manifests/dev/demo.yaml").toString(), f.manifestFile());
        assertEquals(3, f.manifestLine());
        assertEquals("Deployment", f.kind());
        assertEquals("demo", f.name());
        assertEquals("spec.template.spec.containers[0].imagePullPolcy: unknown field; did you mean imagePullPolicy?", f.message());

        Finding removed = r.findings().stream().filter(x -> x.rule().equals("deprecated-api-version")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, removed.severity());
        assertEquals("PodDisruptionBudget", removed.kind());
    }

    @Test
    void schemaFindingIsSuppressedByAnnotationWithReason() {
        ValidationResult r = validate("{dcforge.dev/ignore.kubernetes-schema: \"vendor chart, fixed upstream in 2.1\"}", "1.32.0");
        assertTrue(r.findings().stream().noneMatch(x -> x.rule().equals("kubernetes-schema")));
        assertEquals(List.of("kubernetes-schema"), r.suppressed().stream().map(s -> s.finding().rule()).toList());
    }
}
