package dev.dcforge.hardening;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.render.OverridesRenderer;
import dev.dcforge.render.Stack;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;
import dev.dcforge.validate.ManifestParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Jazzer fuzz targets for the three entry points that read text anyone with a branch can write.
 * The contract: any input either works or fails with a UserError; nothing else may escape (no
 * stack overflow, no NullPointerException, no hang). In the normal suite they replay the committed
 * corpus in src/test/resources/dev/dcforge/hardening/FuzzTargetsInputs/; with JAZZER_FUZZ=1 they
 * fuzz for maxDuration (see README, "Security and failure behaviour").
 */
class FuzzTargets {
    private static final ChartTarget TARGET = new ChartTarget("fuzz", "demo");

    @FuzzTest(maxDuration = "60s")
    void valuesLoader(FuzzedDataProvider data) {
        try {
            Yaml.parse(data.consumeRemainingAsString(), "fuzz.yaml");
        } catch (UserError expected) {
            // a clear message is the right answer to bad input
        }
    }

    @FuzzTest(maxDuration = "60s")
    void manifestParser(FuzzedDataProvider data) {
        try {
            new ManifestParser().parse(TARGET, Path.of("fuzz.yaml"), data.consumeRemainingAsString());
        } catch (UserError expected) {
            // a clear message is the right answer to bad input
        }
    }

    @FuzzTest(maxDuration = "60s")
    void jinjaRendering(FuzzedDataProvider data) throws IOException {
        Path dir = Files.createTempDirectory("dcforge-fuzz");
        try {
            Path overrides = Files.createDirectories(dir.resolve("overrides"));
            Path chart = Files.createDirectories(dir.resolve("charts/demo"));
            Files.writeString(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: demo\nversion: 0.1.0\n");
            Files.writeString(overrides.resolve("stack.yaml"), "facts:\n  domain: example.com\n  replicas: 2\nproducts: [demo]\nenvironments:\n  dev: {}\n");
            Files.writeString(overrides.resolve("demo.yaml.j2"), data.consumeRemainingAsString());
            new OverridesRenderer(overrides, dir.resolve("charts"))
                    .render(Stack.load(overrides.resolve("stack.yaml")), new OutputLayout(dir.resolve("out")));
        } catch (UserError expected) {
            // a clear message is the right answer to bad input
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
