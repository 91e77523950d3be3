package dev.dcforge.validate.rules;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.Finding;
import dev.dcforge.support.UserError;
import dev.dcforge.validate.ManifestParser;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.RuleEngine;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomRulesTest {
    static final Path ROOT = Path.of("src/test/resources/custom-rules");

    @Test
    void customFolderAddsRulesThatRun() {
        List<Rule> rules = BuiltInRules.withCustom(BuiltInRules.all(), ROOT.resolve("good"));
        Rule team = rules.stream().filter(r -> r.info().id().equals("team-label")).findFirst().orElseThrow();
        assertEquals("custom", team.info().pack());
        assertTrue(team.info().origin().startsWith("custom:team-label.yaml"));
        ChartTarget t = new ChartTarget("prod", "jira");
        ManifestSet set = new ManifestSet(t, "jira", "1.32.0", new ManifestParser().parse(t, Path.of("m.yaml"), """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: nolabel}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: labelled, labels: {team: dc}}
                ---
                apiVersion: v1
                kind: Service
                metadata: {name: not-a-workload}
                """));
        List<Finding> findings = new RuleEngine(List.of(team)).run(set, s -> null, new ArrayList<>());
        assertEquals(List.of("nolabel"), findings.stream().map(Finding::name).toList());
    }

    @Test
    void typoInARuleFileNamesFileAndLine() {
        UserError e = assertThrows(UserError.class, () -> BuiltInRules.withCustom(BuiltInRules.all(), ROOT.resolve("typo")));
        assertTrue(e.getMessage().contains("bad.yaml"), e.getMessage());
        assertEquals(7, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("polars"), e.getMessage());
    }

    @Test
    void customRuleMayNotReuseABuiltInId() {
        UserError e = assertThrows(UserError.class, () -> BuiltInRules.withCustom(BuiltInRules.all(), ROOT.resolve("duplicate")));
        assertTrue(e.getMessage().contains("pss-host-network"), e.getMessage());
    }

    @Test
    void missingFolderIsAUserError() {
        assertThrows(UserError.class, () -> BuiltInRules.withCustom(BuiltInRules.all(), ROOT.resolve("absent")));
    }

    @Test
    void everyBuiltInRuleFileFollowsTheFormat() {
        // loading validates each file against dcforge/rule-format.schema.json; a bad built-in would throw here
        assertTrue(new RuleLoader().builtIn().size() >= 40);
    }
}
