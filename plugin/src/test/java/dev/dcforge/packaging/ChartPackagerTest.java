package dev.dcforge.packaging;

import dev.dcforge.TestFiles;
import dev.dcforge.support.Yaml;
import dev.dcforge.template.ChartStager;
import dev.dcforge.template.HelmTemplater;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartPackagerTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void environmentArchiveIsReproducibleAndCarriesMergedValues(@TempDir Path tmp) throws Exception {
        Path staged = new ChartStager().stage(TestFiles.resource("charts/demo"), tmp.resolve("staging"));
        Path values = TestFiles.write(tmp.resolve("values.yaml"), "replicaCount: 5\n");
        Path first = new ChartPackager(T).packageChart(staged, values, tmp.resolve("a"));
        Path second = new ChartPackager(T).packageChart(staged, values, tmp.resolve("b"));
        assertEquals("demo-0.1.0.tgz", first.getFileName().toString());
        assertEquals(sha256(first), sha256(second));
        byte[] bytes = Files.readAllBytes(first);
        assertArrayEquals(new byte[]{0, 0, 0, 0}, new byte[]{bytes[4], bytes[5], bytes[6], bytes[7]}, "gzip MTIME is zero");

        List<String> names = new ArrayList<>();
        String valuesYaml = null;
        try (InputStream in = Files.newInputStream(first);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                names.add(e.getName());
                assertEquals(T.toEpochMilli(), e.getModTime().getTime());
                assertEquals(0, e.getLongUserId());
                if (e.getName().equals("demo/values.yaml")) {
                    valuesYaml = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        assertEquals(names.stream().sorted().toList(), names, "entries sorted");
        assertEquals(5, Yaml.parse(valuesYaml, "values").path("replicaCount").asInt());
        assertEquals("nginx", Yaml.parse(valuesYaml, "values").path("image").path("repository").asText(), "defaults kept");
        // Helm itself reads the archive and sees the merged values
        assertTrue(new HelmTemplater().template(first, null, "r", "n", "1.32.0").contains("replicas: 5"));
    }

    @Test
    void twoSeparateStagingAndPackageRunsGiveIdenticalBytes(@TempDir Path tmp) throws Exception {
        Path values = TestFiles.write(tmp.resolve("values.yaml"), "replicaCount: 2\nimage:\n  tag: x\n");
        String[] hashes = new String[2];
        for (int run = 0; run < 2; run++) {
            Path staged = new ChartStager().stage(TestFiles.resource("charts/demo"), tmp.resolve("staging" + run));
            // a different file time on the second run must not change the archive
            Files.setLastModifiedTime(staged.resolve("Chart.yaml"), java.nio.file.attribute.FileTime.fromMillis(run * 1_000_000L));
            hashes[run] = sha256(new ChartPackager(T).packageChart(staged, values, tmp.resolve("out" + run)));
        }
        assertEquals(hashes[0], hashes[1]);
        Path staged = new ChartStager().stage(TestFiles.resource("charts/demo"), tmp.resolve("staging"));
        String other = sha256(new ChartPackager(Instant.parse("2026-02-01T00:00:00Z")).packageChart(staged, values, tmp.resolve("out2")));
        assertTrue(!other.equals(hashes[0]), "the timestamp is part of the archive");
    }

    @Test
    void versionsFromTheProjectAreWrittenIntoChartYaml(@TempDir Path tmp) throws Exception {
        Path staged = new ChartStager().stage(TestFiles.resource("charts/demo"), tmp.resolve("staging"));
        Path archive = new ChartPackager(T, "1.4.0-SNAPSHOT", "1.4.0-SNAPSHOT").packageChart(staged, null, tmp.resolve("out"));
        assertEquals("demo-1.4.0-SNAPSHOT.tgz", archive.getFileName().toString());
        var meta = RepoIndex.metadata(archive);
        assertEquals("1.4.0-SNAPSHOT", meta.path("version").asText());
        assertEquals("1.4.0-SNAPSHOT", meta.path("appVersion").asText());
        assertEquals("A tiny chart for dcforge's integration tests", meta.path("description").asText());
    }

    @Test
    void aChartVersionThatIsNotSemVerIsAUserError(@TempDir Path tmp) {
        Path chart = tmp.resolve("src/bad");
        TestFiles.write(chart.resolve("Chart.yaml"), "apiVersion: v2\nname: bad\nversion: latest\n");
        Path staged = new ChartStager().stage(chart, tmp.resolve("staging"));
        var e = org.junit.jupiter.api.Assertions.assertThrows(dev.dcforge.support.UserError.class,
                () -> new ChartPackager(T).packageChart(staged, null, tmp.resolve("out")));
        assertTrue(e.getMessage().startsWith(staged.resolve("Chart.yaml") + ":1: chart version 'latest' is not SemVer 2"), e.getMessage());
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
