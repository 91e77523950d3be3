package dev.dcforge.hardening;

import dev.dcforge.TestFiles;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.packaging.ChartPackager;
import dev.dcforge.render.OverridesRenderer;
import dev.dcforge.render.Stack;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.template.ChartStager;
import dev.dcforge.template.HelmTemplater;
import dev.dcforge.validate.ValidationResult;
import dev.dcforge.validate.Validator;
import dev.dcforge.validate.report.Reports;
import dev.dcforge.validate.rules.BuiltInRules;
import dev.dcforge.validate.rules.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The same inputs give byte-identical values files, manifests, reports and archives, run after run. */
class DeterminismTest {
    @TempDir
    Path project;

    @Test
    void twoRunsFromScratchWriteTheSameBytes() throws Exception {
        Path charts = TestFiles.resource("charts");
        Path overrides = project.resolve("overrides");
        TestFiles.write(overrides.resolve("stack.yaml"), """
                facts: {replicas: 2, custom: {tag: "1.27"}}
                products: [demo]
                environments:
                  dev: {}
                  staging: {facts: {replicas: 3}}
                  prod: {facts: {replicas: 5}}
                """);
        TestFiles.write(overrides.resolve("demo.yaml.j2"), "replicaCount: {{ replicas }}\nimage:\n  tag: \"{{ custom.tag }}-{{ environment }}\"\nprivileged: {{ environment == 'dev' }}\n");
        Path out = project.resolve("target/dcforge");

        Map<String, String> first = runAndHash(charts, overrides, out);
        AtomicFiles.deleteTree(out);
        Map<String, String> second = runAndHash(charts, overrides, out);

        assertTrue(first.keySet().stream().anyMatch(f -> f.endsWith(".tgz")), first.keySet().toString());
        assertTrue(first.keySet().containsAll(Set.of("reports/findings.json", "reports/dcforge.sarif", "reports/TEST-dcforge.xml")));
        assertTrue(first.size() >= 3 * 3 + 3, "values, manifests and archives per environment, plus reports: " + first.keySet());
        assertEquals(first, second);
    }

    private Map<String, String> runAndHash(Path charts, Path overrides, Path out) throws Exception {
        OutputLayout layout = new OutputLayout(out);
        Stack stack = Stack.load(overrides.resolve("stack.yaml"));
        new OverridesRenderer(overrides, charts).render(stack, layout);
        Path staged = new ChartStager().stage(charts.resolve("demo"), layout.stagingDir());
        List<Validator.Input> inputs = new ArrayList<>();
        for (Stack.Environment env : stack.environments().values()) {
            ChartTarget target = new ChartTarget(env.name(), "demo");
            AtomicFiles.write(layout.manifestFile(target), new HelmTemplater().template(staged, layout.valuesFile(target), "demo", env.namespace(), "1.32.0"));
            inputs.add(new Validator.Input(target, layout.manifestFile(target), charts.resolve("demo"), env.namespace(), "1.32.0"));
            new ChartPackager(Instant.parse("2026-01-01T00:00:00Z")).packageChart(staged, layout.valuesFile(target), layout.packagesDir(env.name()));
        }
        List<Rule> rules = BuiltInRules.all();
        ValidationResult result = new Validator(rules, project).validate(inputs);
        assertTrue(result.findings().stream().anyMatch(f -> f.rule().equals("privileged-container")), "dev is privileged: reports have content");
        Reports.write(result, rules.stream().map(Rule::info).toList(), Set.of("json", "junit", "sarif"), layout.reportsDir(), line -> { });
        return hashes(out);
    }

    private static Map<String, String> hashes(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.startsWith(root.resolve("charts"))).toList()) {
                try {
                    hashes.put(root.relativize(f).toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return hashes;
    }
}
