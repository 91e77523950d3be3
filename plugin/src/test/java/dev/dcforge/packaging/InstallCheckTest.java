package dev.dcforge.packaging;

import dev.dcforge.TestFiles;
import dev.dcforge.support.UserError;
import dev.dcforge.template.ChartStager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstallCheckTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void installsAnEnvironmentArchiveClientSide(@TempDir Path tmp) {
        Path staged = new ChartStager().stage(TestFiles.resource("charts/demo"), tmp.resolve("staging"));
        Path values = TestFiles.write(tmp.resolve("values.yaml"), "replicaCount: 4\n");
        Path archive = new ChartPackager(T).packageChart(staged, values, tmp.resolve("out"));
        var release = new InstallCheck().check(archive, "demo", "prod", "1.32.0");
        assertEquals("pending-install", release.getStatus());
        assertEquals("prod", release.getNamespace());
        assertTrue(release.getChart().contains("demo-0.1.0"), release.getChart());
    }

    @Test
    void failureNamesTheArchiveAndHelmsMessage(@TempDir Path tmp) {
        // a chart whose kubeVersion constraint the environment's cluster does not meet
        Path chart = tmp.resolve("src/old");
        TestFiles.write(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: old\nversion: 1.0.0\nkubeVersion: \"<1.20.0-0\"\n");
        TestFiles.write(chart.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        Path archive = new ChartPackager(T).packageChart(new ChartStager().stage(chart, tmp.resolve("staging")), null, tmp.resolve("out"));
        UserError e = assertThrows(UserError.class, () -> new InstallCheck().check(archive, "old", "default", "1.32.0"));
        assertTrue(e.getMessage().startsWith(archive + ": helm install --dry-run (Kubernetes 1.32.0"), e.getMessage());
        assertTrue(e.getMessage().contains("kubeVersion"), e.getMessage());

        // required values missing: Helm's template message comes through
        Path archive2 = new ChartPackager(T).packageChart(
                new ChartStager().stage(TestFiles.resource("charts/broken"), tmp.resolve("staging")), null, tmp.resolve("out"));
        UserError e2 = assertThrows(UserError.class, () -> new InstallCheck().check(archive2, "broken", "default", "1.32.0"));
        assertTrue(e2.getMessage().contains("set .Values.needed"), e2.getMessage());
    }
}
