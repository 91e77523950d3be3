package dev.dcforge.validate.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every rule dcforge ships: the data rules in the plugin's resources and the Java rules listed here. */
public final class BuiltInRules {
    private BuiltInRules() {
    }

    public static List<Rule> all() {
        List<Rule> rules = new ArrayList<>(new RuleLoader().builtIn());
        rules.addAll(javaRules());
        rules.sort(Comparator.comparing(r -> r.info().id()));
        return rules;
    }

    static List<Rule> javaRules() {
        return List.of(new DuplicateEnvVarRule(), new SuppressionWithoutReasonRule());
    }
}
