package dev.dcforge.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.TestFiles;
import dev.dcforge.maven.InputResolver;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.model.Severity;
import dev.dcforge.render.OverridesRenderer;
import dev.dcforge.render.Stack;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;
import dev.dcforge.template.ChartStager;
import dev.dcforge.template.HelmTemplater;
import dev.dcforge.validate.ManifestParser;
import dev.dcforge.validate.Validator;
import dev.dcforge.validate.report.Reports;
import dev.dcforge.validate.rules.RuleLoader;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Every bad input dcforge can meet yields one UserError with the exact message in
 * {@code bad-input/expected.txt}, and leaves no output that looks valid. Cases are data in
 * {@code bad-input/cases.yaml}; {@code -Ddcforge.refreshCorpus=true} rewrites expected.txt from the
 * current messages (review the diff before committing).
 */
class BadInputCorpusTest {
    private static final Path CASES = TestFiles.resource("bad-input/cases.yaml");
    private static final Path EXPECTED = TestFiles.resource("bad-input/expected.txt");
    private static final boolean REFRESH = Boolean.getBoolean("dcforge.refreshCorpus");
    private static final Map<String, String> ACTUAL = new LinkedHashMap<>();

    record Case(String name, String entry, JsonNode files, String arg) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        Yaml.read(CASES).forEach(c -> cases.add(new Case(c.path("name").asText(), c.path("entry").asText(),
                c.path("files"), c.path("arg").asText(null))));
        return cases.stream();
    }

    @Test
    void corpusIsLargeAndNamesAreUnique() {
        List<String> names = cases().map(Case::name).toList();
        assertTrue(names.size() >= 60, "at least 60 bad-input cases, found " + names.size());
        assertEquals(names.size(), names.stream().distinct().count(), "case names are unique");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithTheExactMessage(Case c, @TempDir Path dir) throws IOException {
        layOut(dir, c.files());
        Path out = dir.resolve("out");
        String message;
        try {
            run(c, dir, new OutputLayout(out));
            fail(c.name() + ": expected a UserError");
            return;
        } catch (UserError e) {
            message = e.getMessage().replace(dir.toString(), "${dir}");
        } catch (RuntimeException e) {
            fail(c.name() + ": expected a UserError, got " + e, e);
            return;
        }
        assertFalse(message.contains("\tat "), "no stack trace in the message");
        assertNothingHalfWritten(out);
        if (REFRESH) {
            synchronized (ACTUAL) {
                ACTUAL.put(c.name(), message);
                writeExpected();
            }
            return;
        }
        assertEquals(expected().get(c.name()), message, c.name());
    }

    private static void run(Case c, Path dir, OutputLayout layout) {
        Path in = dir.resolve(c.arg() == null ? "in.yaml" : c.arg());
        ChartTarget target = new ChartTarget("dev", "demo");
        switch (c.entry()) {
            case "values" -> Yaml.readObject(in, "the values file");
            case "manifest" -> new ManifestParser().parse(target, in);
            case "stack" -> Stack.load(in);
            case "render" -> new OverridesRenderer(dir.resolve("overrides"), dir.resolve("charts"))
                    .render(Stack.load(dir.resolve("overrides/stack.yaml")), layout);
            case "template" -> {
                Path staged = new ChartStager().stage(in, layout.stagingDir());
                new HelmTemplater().template(staged, in, null, "demo", "ns", "1.32.0");
            }
            case "input" -> new Validator(List.of(), dir).validate(new InputResolver(layout, "1.32.0").resolve(in, null));
            case "input-values" -> new InputResolver(layout, "1.32.0").resolve(dir.resolve("chart"), in);
            case "rule" -> new RuleLoader().load(in, in.toString());
            case "rules-folder" -> new RuleLoader().loadFolder(in, "custom");
            case "failOn" -> Severity.failThreshold(c.arg());
            case "reportFormats" -> Reports.parseFormats(c.arg());
            default -> throw new IllegalArgumentException("unknown entry " + c.entry());
        }
    }

    /** Writes the case's files: text, "base64:", "repeat:<n>:<text>", "link:<target>", or a tgz spec. */
    private static void layOut(Path dir, JsonNode files) throws IOException {
        for (var it = files.fields(); it.hasNext(); ) {
            var e = it.next();
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            JsonNode spec = e.getValue();
            if (spec.isArray()) {
                writeTgz(file, spec);
                continue;
            }
            String text = spec.asText();
            if (text.startsWith("base64:")) {
                Files.write(file, Base64.getDecoder().decode(text.substring(7)));
            } else if (text.startsWith("repeat:")) {
                String[] parts = text.split(":", 3);
                Files.writeString(file, parts[2].repeat(Integer.parseInt(parts[1])));
            } else if (text.startsWith("link:")) {
                Files.createSymbolicLink(file, Path.of(text.substring(5)));
            } else if (text.equals("dir:")) {
                Files.createDirectories(file);
            } else {
                Files.writeString(file, text);
            }
        }
    }

    /** A tar.gz with hostile entries: [{name, content}|{name, symlink}|{name, hardlink}]. */
    private static void writeTgz(Path file, JsonNode entries) throws IOException {
        try (OutputStream os = Files.newOutputStream(file);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(os))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (JsonNode e : entries) {
                TarArchiveEntry entry;
                if (e.has("symlink")) {
                    entry = new TarArchiveEntry(e.path("name").asText(), TarArchiveEntry.LF_SYMLINK);
                    entry.setLinkName(e.path("symlink").asText());
                } else if (e.has("hardlink")) {
                    entry = new TarArchiveEntry(e.path("name").asText(), TarArchiveEntry.LF_LINK);
                    entry.setLinkName(e.path("hardlink").asText());
                } else {
                    entry = new TarArchiveEntry(e.path("name").asText(), true);
                    byte[] bytes = e.path("content").asText("").getBytes(StandardCharsets.UTF_8);
                    entry.setSize(bytes.length);
                    tar.putArchiveEntry(entry);
                    tar.write(bytes);
                    tar.closeArchiveEntry();
                    continue;
                }
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
        }
    }

    /** No temporary files and no values or manifest file left where a failed stage was writing. */
    private static void assertNothingHalfWritten(Path out) throws IOException {
        if (!Files.exists(out)) {
            return;
        }
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> bad = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".tmp")
                            || f.startsWith(out.resolve("values")) || f.startsWith(out.resolve("manifests")))
                    .toList();
            assertTrue(bad.isEmpty(), "left behind: " + bad);
        }
    }

    private static Map<String, String> expected() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : Yaml.readText(EXPECTED).split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                map.put(line.substring(0, tab), line.substring(tab + 1).replace("\\n", "\n"));
            }
        }
        return map;
    }

    private static void writeExpected() {
        Map<String, String> merged = new LinkedHashMap<>();
        cases().forEach(c -> merged.put(c.name(), ACTUAL.getOrDefault(c.name(), expected().getOrDefault(c.name(), ""))));
        StringBuilder sb = new StringBuilder();
        merged.forEach((k, v) -> sb.append(k).append('\t').append(v.replace("\n", "\\n")).append('\n'));
        // write to the source tree so the refreshed file can be reviewed and committed
        Path source = Path.of(System.getProperty("dcforge.repoRoot", "..")).resolve("plugin/src/test/resources/bad-input/expected.txt");
        TestFiles.write(source, sb.toString());
    }
}
