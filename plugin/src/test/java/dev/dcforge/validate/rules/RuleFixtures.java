package dev.dcforge.validate.rules;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.Finding;
import dev.dcforge.validate.ManifestParser;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.RuleEngine;
import dev.dcforge.validate.ValidationResult;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs one rule over one manifest file, as the validator would (annotation suppression included). */
public final class RuleFixtures {
    public static final String NAMESPACE = "dcforge-test";

    private RuleFixtures() {
    }

    public static ManifestSet load(Path file) {
        ChartTarget target = new ChartTarget("test", "fixture");
        return new ManifestSet(target, NAMESPACE, "1.32.0", new ManifestParser().parse(target, file));
    }

    public static List<Finding> run(Rule rule, Path file) {
        List<ValidationResult.Suppressed> suppressed = new ArrayList<>();
        return new RuleEngine(List.of(rule)).run(load(file), s -> null, suppressed).stream()
                .filter(f -> f.rule().equals(rule.info().id())).toList();
    }
}
