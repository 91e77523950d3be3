package dev.dcforge.validate.rules;

import dev.dcforge.validate.schema.CustomSchemas;
import dev.dcforge.validate.schema.DeprecatedApiVersionRule;
import dev.dcforge.validate.schema.KubernetesSchemaRule;
import dev.dcforge.validate.schema.SchemaNotValidatedRule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every rule dcforge ships: the data rules in the plugin's resources and the Java rules listed here. */
public final class BuiltInRules {
    private BuiltInRules() {
    }

    public static List<Rule> all() {
        return all(CustomSchemas.none());
    }

    /** @param customSchemas CRD and JSON Schema files for custom resources ({@code dcforge.schemaDirectory}) */
    public static List<Rule> all(CustomSchemas customSchemas) {
        List<Rule> rules = new ArrayList<>(new RuleLoader().builtIn());
        rules.addAll(javaRules(customSchemas));
        rules.sort(Comparator.comparing(r -> r.info().id()));
        return rules;
    }

    static List<Rule> javaRules() {
        return javaRules(CustomSchemas.none());
    }

    static List<Rule> javaRules(CustomSchemas customSchemas) {
        return List.of(new DuplicateEnvVarRule(), new SuppressionWithoutReasonRule(),
                new KubernetesSchemaRule(customSchemas), new SchemaNotValidatedRule(customSchemas),
                new DeprecatedApiVersionRule());
    }
}
