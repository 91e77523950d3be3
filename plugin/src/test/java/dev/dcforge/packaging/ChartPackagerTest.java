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

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
