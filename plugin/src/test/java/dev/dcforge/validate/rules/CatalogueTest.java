package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.support.Yaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/rules.md is generated from the rules; this fails when it is stale (refresh with -Ddcforge.refreshDocs=true). */
class CatalogueTest {
    static final List<RuleInfo> RULES = BuiltInRules.all().stream().map(Rule::info).toList();

    static Path docs() {
        return Path.of(System.getProperty("dcforge.repoRoot", "..")).resolve("docs/rules.md");
    }

    @Test
    void rulesPageIsUpToDate() throws Exception {
        String expected = Catalogue.markdown(RULES);
        Path file = docs();
        if (Boolean.getBoolean("dcforge.refreshDocs")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, expected);
        }
        assertTrue(Files.isRegularFile(file), file + " is missing: run the test with -Ddcforge.refreshDocs=true");
        assertEquals(expected, Files.readString(file),
                file + " is stale: mvn -pl plugin test -Dtest=CatalogueTest -Ddcforge.refreshDocs=true");
    }

    @Test
    void pageListsEveryRuleAndItsEquivalents() {
        String md = Catalogue.markdown(RULES);
        for (RuleInfo r : RULES) {
            assertTrue(md.contains("| `" + r.id() + "` | " + r.severity().label() + " |"), r.id());
            r.equivalents().values().forEach(v -> assertTrue(md.contains(v.split(",")[0].trim()), r.id() + " equivalent " + v));
        }
        assertTrue(md.contains("Deliberate disagreements with Polaris") && md.contains("missingPodDisruptionBudget/failure.yaml"));
    }

    @Test
    void jsonAndTextListingsCarryEveryRule() throws Exception {
        JsonNode json = Yaml.json().readTree(Catalogue.json(RULES));
        assertEquals(RULES.size(), json.size());
        JsonNode host = null;
        for (JsonNode n : json) {
            if (n.path("id").asText().equals("pss-host-network")) {
                host = n;
            }
        }
        assertEquals("error", host.path("severity").asText());
        assertEquals("hostNetworkSet", host.path("equivalents").path("polaris").asText());
        assertEquals("baseline", host.path("profiles").get(0).asText());
        List<String> text = Catalogue.text(RULES);
        assertEquals(RULES.size() + " rules", text.get(text.size() - 1));
        assertTrue(text.stream().anyMatch(l -> l.contains("duplicate-env-var") && l.contains("error")));
    }
}
