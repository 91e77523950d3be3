package dev.dcforge.validate.rules;

import dev.dcforge.model.Finding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every built-in rule is proven by its fixtures: each fail*.yaml under src/test/resources/rules/&lt;rule-id&gt;/ must
 * produce at least one finding of that rule, each pass*.yaml none. A rule without both kinds of fixture fails here,
 * so no rule can ship that cannot fire.
 */
class RuleFixturesTest {
    static final Path FIXTURES = Path.of("src/test/resources/rules");
    private static final Map<String, Rule> RULES = BuiltInRules.all().stream()
            .collect(Collectors.toMap(r -> r.info().id(), r -> r));

    static Stream<String> ruleIds() {
        return RULES.keySet().stream().sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ruleIds")
    void ruleFiresOnFailFixturesAndNotOnPassFixtures(String id) throws IOException {
        Path dir = FIXTURES.resolve(id);
        assertTrue(Files.isDirectory(dir), "rule " + id + " has no fixtures folder " + dir);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.sorted().toList();
        }
        List<Path> fail = files.stream().filter(f -> f.getFileName().toString().startsWith("fail")).toList();
        List<Path> pass = files.stream().filter(f -> f.getFileName().toString().startsWith("pass")).toList();
        assertFalse(fail.isEmpty(), "rule " + id + " has no fail*.yaml fixture");
        assertFalse(pass.isEmpty(), "rule " + id + " has no pass*.yaml fixture");
        Rule rule = RULES.get(id);
        for (Path f : fail) {
            assertFalse(RuleFixtures.run(rule, f).isEmpty(), id + " should fire on " + f);
        }
        for (Path f : pass) {
            List<Finding> findings = RuleFixtures.run(rule, f);
            assertTrue(findings.isEmpty(), id + " should not fire on " + f + " but said " + findings);
        }
    }

    @Test
    void everyFixtureFolderBelongsToARule() throws IOException {
        Set<String> orphans = new TreeSet<>();
        try (Stream<Path> s = Files.list(FIXTURES)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !RULES.containsKey(n)).forEach(orphans::add);
        }
        assertEquals(Set.of(), orphans, "fixture folders without a rule");
    }

    @Test
    void atLeastSixtyRulesInTheRequiredPacks() {
        Map<String, Long> byPack = RULES.values().stream().collect(Collectors.groupingBy(r -> r.info().pack(), Collectors.counting()));
        assertTrue(RULES.size() >= 60, "only " + RULES.size() + " rules");
        for (String pack : List.of("pod-security", "best-practice", "rbac", "cross-object", "atlassian")) {
            assertTrue(byPack.getOrDefault(pack, 0L) > 0, "no rule in pack " + pack);
        }
    }

    @Test
    void ruleIdsAreKebabCaseAndRulesAreDescribed() {
        for (Rule r : RULES.values()) {
            RuleInfo i = r.info();
            assertTrue(i.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), i.id());
            assertFalse(i.title().isBlank(), i.id() + " title");
            assertFalse(i.rationale().isBlank(), i.id() + " rationale");
            assertFalse(i.remediation().isBlank(), i.id() + " remediation");
            if (i.pack().equals("pod-security")) {
                assertFalse(i.profiles().isEmpty(), i.id() + " has no PSS profile");
            }
        }
    }
}
