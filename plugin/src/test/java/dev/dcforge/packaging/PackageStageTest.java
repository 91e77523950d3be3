package dev.dcforge.packaging;

import dev.dcforge.TestFiles;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.render.Stack;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;
import dev.dcforge.template.ChartStager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PackageStageTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static OutputLayout layout(Path root) {
        OutputLayout layout = new OutputLayout(root);
        new ChartStager().stage(TestFiles.resource("charts/demo"), layout.stagingDir());
        TestFiles.write(layout.valuesDir().resolve("dev/demo.yaml"), "replicaCount: 1\n");
        TestFiles.write(layout.valuesDir().resolve("prod/demo.yaml"), "replicaCount: 3\n");
        return layout;
    }

    private static Stack stack(Path tmp, String envs) {
        return Stack.load(TestFiles.write(tmp.resolve("stack.yaml"), "products: [demo]\nenvironments:\n" + envs));
    }

    @Test
    void packagesIndexesAndInstallChecksEveryArchive(@TempDir Path tmp) {
        OutputLayout layout = layout(tmp.resolve("out"));
        TestFiles.write(layout.packagesDir("prod").resolve("demo-0.0.1.tgz"), "stale");
        List<String> log = new ArrayList<>();
        PackageStage.Result result = new PackageStage(new PackageStage.Options(T, null, null, "https://charts.example.com", null, true))
                .run(stack(tmp, "  dev: {}\n  prod: {facts: {namespace: atlassian}}\n"), layout, env -> "1.31.0", log::add);
        assertEquals(List.of("charts-demo", "dev-demo", "prod-demo"), result.charts().stream().map(PackagedChart::classifier).toList());
        assertTrue(Files.isRegularFile(layout.packagesRoot().resolve("charts/demo-0.1.0.tgz")));
        assertFalse(Files.exists(layout.packagesDir("prod").resolve("demo-0.0.1.tgz")), "stale archive removed");
        assertEquals(3, result.indexes().size());
        var prodIndex = Yaml.read(layout.packagesDir("prod").resolve("index.yaml"));
        assertEquals("https://charts.example.com/prod/demo-0.1.0.tgz",
                prodIndex.path("entries").path("demo").get(0).path("urls").get(0).asText());
        assertEquals(1, prodIndex.path("entries").path("demo").size());
        assertEquals(3, log.stream().filter(l -> l.startsWith("install check")).count(), log.toString());
    }

    @Test
    void anEnvironmentNamedChartsIsRefused(@TempDir Path tmp) {
        OutputLayout layout = layout(tmp.resolve("out"));
        UserError e = assertThrows(UserError.class, () -> new PackageStage(new PackageStage.Options(T, null, null, null, null, false))
                .run(stack(tmp, "  charts: {}\n"), layout, env -> "1.31.0", s -> { }));
        assertTrue(e.getMessage().startsWith(tmp.resolve("stack.yaml") + ": an environment named 'charts'"), e.getMessage());
    }

    @Test
    void installCheckFailureStopsTheStage(@TempDir Path tmp) {
        OutputLayout layout = layout(tmp.resolve("out"));
        // the environment's values break the chart: image.tag must be a string, not a map... so make the template fail
        TestFiles.write(layout.valuesDir().resolve("dev/demo.yaml"), "image: 5\n");
        UserError e = assertThrows(UserError.class, () -> new PackageStage(new PackageStage.Options(T, null, null, null, null, true))
                .run(stack(tmp, "  dev: {}\n"), layout, env -> "1.31.0", s -> { }));
        assertTrue(e.getMessage().contains("packages/dev/demo-0.1.0.tgz: helm install --dry-run"), e.getMessage());
    }
}
