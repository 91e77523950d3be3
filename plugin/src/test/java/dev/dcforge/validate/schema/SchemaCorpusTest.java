package dev.dcforge.validate.schema;

import dev.dcforge.model.Finding;
import dev.dcforge.support.Yaml;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.rules.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every file in {@code schema-corpus/} is one broken object with the exact findings it must produce, written as
 * {@code # expect: <rule> <severity> <message>} header lines (and optionally {@code # kubeVersion: x.y}, default 1.32).
 */
class SchemaCorpusTest {
    private static final String EXPECT = "# expect: ";
    private static final String KUBE = "# kubeVersion: ";

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path dir = Path.of(Objects.requireNonNull(SchemaCorpusTest.class.getClassLoader().getResource("schema-corpus")).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void corpusCoversEnoughBrokenObjects() throws Exception {
        List<Path> files = corpus().toList();
        assertTrue(files.size() >= 30, "corpus has " + files.size() + " files");
        List<String> all = new ArrayList<>();
        for (Path f : files) {
            all.addAll(expected(Yaml.readText(f)));
        }
        for (String kind : List.of("unknown field", "expected ", "required field is missing", "is not one of",
                "not validated: no schema", "was removed in", "is deprecated since")) {
            assertTrue(all.stream().anyMatch(e -> e.contains(kind)), "no corpus case for '" + kind + "'");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void producesExactlyTheExpectedFindings(Path file) {
        String text = Yaml.readText(file);
        List<String> expected = expected(text);
        assertFalse(expected.isEmpty(), file + " has no '# expect:' line");
        String kube = text.lines().filter(l -> l.startsWith(KUBE)).map(l -> l.substring(KUBE.length()).strip())
                .findFirst().orElse("1.32.0");
        ManifestSet set = SchemaTestSupport.set(text, kube);
        assertEquals(1, set.objects().size(), "one object per corpus file");
        String template = set.objects().get(0).sourceTemplate();
        List<String> actual = new ArrayList<>();
        for (Rule rule : List.of(new KubernetesSchemaRule(CustomSchemas.none()), new SchemaNotValidatedRule(CustomSchemas.none()),
                new DeprecatedApiVersionRule())) {
            for (Finding f : SchemaTestSupport.run(rule, set)) {
                actual.add(f.rule() + " " + f.severity().label() + " " + f.message());
                assertEquals(Path.of("charts").resolve(template).toString(), f.file(), "finding names the chart template");
                assertEquals("rendered/demo.yaml", f.manifestFile());
                assertTrue(f.manifestLine() > 0, "manifest line known");
            }
        }
        assertEquals(expected.stream().sorted().toList(), actual.stream().sorted().toList());
    }

    private static List<String> expected(String text) {
        return text.lines().filter(l -> l.startsWith(EXPECT)).map(l -> l.substring(EXPECT.length()).strip()).toList();
    }
}
