package dev.dcforge.validate.rules;

import dev.dcforge.TestFiles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.support.Yaml;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For every rule with a Polaris equivalent, Polaris's own fixtures (shared/fixtures/polaris-checks/&lt;check&gt;/)
 * must get the same verdict: success*.yaml no finding of the rule, failure*.yaml at least one. Deliberate
 * disagreements are listed, with the reason, in dcforge/polaris-disagreements.yaml (also shown in docs/rules.md);
 * a listed disagreement that no longer disagrees fails too, so the list stays true.
 */
class PolarisAgreementTest {

    static Path polarisFixtures() {
        return TestFiles.sharedFixture("polaris-checks");
    }

    static Map<String, String> disagreements() {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode d : Yaml.parse(Catalogue.resource(Catalogue.POLARIS_DISAGREEMENTS), Catalogue.POLARIS_DISAGREEMENTS).path("disagreements")) {
            out.put(d.path("rule").asText() + " " + d.path("check").asText() + "/" + d.path("file").asText(), d.path("reason").asText());
        }
        return out;
    }

    @Test
    void rulesWithAPolarisEquivalentGiveTheSameVerdicts() throws IOException {
        Path root = polarisFixtures();
        Assumptions.assumeTrue(root != null,
                "Polaris fixtures are absent (looked for fixtures/polaris-checks under dcforge.sharedDir and shared/ next to the "
                        + "checkout): agreement with Polaris not checked");
        Map<String, String> listed = disagreements();
        List<String> unexpected = new ArrayList<>();
        List<String> stale = new ArrayList<>(listed.keySet());
        int compared = 0;
        for (Rule rule : BuiltInRules.all()) {
            String polaris = rule.info().equivalents().get("polaris");
            if (polaris == null) {
                continue;
            }
            for (String check : polaris.split(",\\s*")) {
                Path dir = root.resolve(check);
                assertTrue(Files.isDirectory(dir), rule.info().id() + " names Polaris check " + check + ", which has no fixtures");
                List<Path> files;
                try (Stream<Path> s = Files.list(dir)) {
                    files = s.filter(f -> f.getFileName().toString().matches("(success|failure).*\\.yaml")).sorted().toList();
                }
                for (Path f : files) {
                    boolean shouldFire = f.getFileName().toString().startsWith("failure");
                    boolean fired;
                    try {
                        fired = !RuleFixtures.run(rule, f).isEmpty();
                    } catch (RuntimeException e) {
                        fired = !shouldFire; // unreadable fixture counts as a disagreement
                    }
                    compared++;
                    String key = rule.info().id() + " " + check + "/" + f.getFileName();
                    if (fired != shouldFire) {
                        if (!stale.remove(key)) {
                            unexpected.add(key + (shouldFire ? " (Polaris fails it, dcforge passes it)" : " (Polaris passes it, dcforge fails it)"));
                        }
                    }
                }
            }
        }
        assertTrue(compared > 100, "compared only " + compared + " fixtures");
        assertEquals(List.of(), unexpected, "undocumented disagreements with Polaris");
        assertEquals(List.of(), stale, "listed disagreements that now agree (remove them from the list)");
        listed.forEach((k, reason) -> assertTrue(reason.length() > 20, "disagreement " + k + " needs a reason"));
    }
}
