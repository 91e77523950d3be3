package dev.dcforge.validate.schema;

import dev.dcforge.TestFiles;
import dev.dcforge.model.Finding;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.support.Yaml;
import dev.dcforge.validate.ManifestSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The official Atlassian chart outputs are valid Kubernetes 1.32 objects: strict mode must not reject them. */
class OfficialChartsTest {

    static Path fixtures() {
        return TestFiles.sharedFixture("atlassian-official-chart-2.0.9");
    }

    @Test
    void officialOutputsValidateCleanAt132() throws IOException {
        Path dir = fixtures();
        assumeTrue(dir != null, "official chart fixtures absent (dcforge.sharedDir="
                + System.getProperty("dcforge.sharedDir") + "): skipping");
        List<Path> outputs;
        try (Stream<Path> s = Files.list(dir)) {
            outputs = s.map(p -> p.resolve("output.yaml")).filter(Files::isRegularFile).sorted().toList();
        }
        assertTrue(outputs.size() >= 5, "expected the five product outputs, found " + outputs);
        int objects = 0;
        List<String> problems = new ArrayList<>();
        long started = System.nanoTime();
        for (Path output : outputs) {
            ManifestSet set = SchemaTestSupport.set(Yaml.readText(output), "1.32.0");
            objects += set.objects().size();
            for (Finding f : SchemaTestSupport.run(new KubernetesSchemaRule(CustomSchemas.none()), set)) {
                problems.add(output.getParent().getFileName() + " " + f.kind() + "/" + f.name() + ": " + f.message());
            }
            for (Finding f : SchemaTestSupport.run(new DeprecatedApiVersionRule(), set)) {
                problems.add(output.getParent().getFileName() + " " + f.kind() + "/" + f.name() + ": " + f.message());
            }
            for (Finding f : SchemaTestSupport.run(new SchemaNotValidatedRule(CustomSchemas.none()), set)) {
                ManifestObject o = set.find(f.kind(), f.name()).orElseThrow();
                assertTrue(o.apiVersion().contains(".") && !o.apiVersion().endsWith(".k8s.io/v1"),
                        "only custom resources may go unvalidated, not " + o.apiVersion() + "/" + o.kind());
            }
        }
        System.out.printf("official outputs: %d objects schema-checked at 1.32 in %d ms (including first-use conversion)%n",
                objects, (System.nanoTime() - started) / 1_000_000);
        assertTrue(objects > 50, "expected a realistic corpus, got " + objects + " objects");
        assertEquals(List.of(), problems);
    }
}
