package dev.dcforge.validate.rules;

import dev.dcforge.support.UserError;
import dev.dcforge.validate.schema.CustomSchemas;
import dev.dcforge.validate.schema.DeprecatedApiVersionRule;
import dev.dcforge.validate.schema.KubernetesSchemaRule;
import dev.dcforge.validate.schema.SchemaNotValidatedRule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every rule dcforge ships: the data rules in the plugin's resources and the Java rules listed here. */
public final class BuiltInRules {
    private BuiltInRules() {
    }

    /** Every built-in rule with default options (the catalogue). */
    public static List<Rule> all() {
        return all(RuleOptions.defaults(), CustomSchemas.none());
    }

    /** @param customSchemas CRD and JSON Schema files for custom resources ({@code dcforge.schemaDirectory}) */
    public static List<Rule> all(CustomSchemas customSchemas) {
        return all(RuleOptions.defaults(), customSchemas);
    }

    /** Every built-in rule, with references to the options' external objects accepted. */
    public static List<Rule> all(RuleOptions options) {
        return all(options, CustomSchemas.none());
    }

    public static List<Rule> all(RuleOptions options, CustomSchemas customSchemas) {
        List<Rule> rules = new ArrayList<>(new RuleLoader().builtIn());
        rules.addAll(javaRules(options, customSchemas));
        rules.sort(Comparator.comparing(r -> r.info().id()));
        return rules;
    }

    /** The rules to run: all of them, minus the pod-security rules outside the chosen profile. */
    public static List<Rule> select(RuleOptions options) {
        return select(options, CustomSchemas.none());
    }

    public static List<Rule> select(RuleOptions options, CustomSchemas customSchemas) {
        return all(options, customSchemas).stream()
                .filter(r -> !r.info().pack().equals("pod-security") || options.includesProfile(r.info().profiles()))
                .toList();
    }

    /**
     * The given rules plus the custom rules of a folder (same YAML format as the built-ins). A custom rule may not
     * reuse the id of another rule.
     */
    public static List<Rule> withCustom(List<Rule> rules, Path folder) {
        List<Rule> all = new ArrayList<>(rules);
        Set<String> ids = new HashSet<>();
        rules.forEach(r -> ids.add(r.info().id()));
        for (Rule custom : new RuleLoader().loadFolder(folder, "custom")) {
            if (!ids.add(custom.info().id())) {
                throw new UserError(folder.toString(), 0, "custom rule id '" + custom.info().id()
                        + "' (" + custom.info().origin() + ") is already used by another rule", "give the custom rule its own id");
            }
            all.add(custom);
        }
        all.sort(Comparator.comparing(r -> r.info().id()));
        return all;
    }

    static List<Rule> javaRules() {
        return javaRules(RuleOptions.defaults(), CustomSchemas.none());
    }

    static List<Rule> javaRules(RuleOptions options, CustomSchemas customSchemas) {
        return List.of(
                // schema
                new KubernetesSchemaRule(customSchemas), new SchemaNotValidatedRule(customSchemas), new DeprecatedApiVersionRule(),
                // best practice
                new ReadOnlyRootFilesystemRule(), new PdbMissingRule(), new DefaultNamespaceRule(),
                new AutomountServiceAccountTokenRule(), new SensitiveConfigMapRule(), new SuppressionWithoutReasonRule(),
                new SelectorMismatchRule(),
                // RBAC
                new ClusterAdminBindingRule(), new ClusterBindingForNamespacedRule(),
                // cross-object
                new ServiceSelectorRule(), new ServiceTargetPortRule(), new PdbSelectorRule(),
                ReferenceRule.serviceAccount(options), ReferenceRule.configMap(options), ReferenceRule.secret(options),
                ReferenceRule.pvc(options), new IngressBackendRule(), new HttpRouteBackendRule(),
                new NetworkPolicyClusterTrafficRule(), new NetworkPolicyIngressTrafficRule(), new PodWithoutNetworkPolicyRule(),
                new NetworkPolicyNoPodsRule(), new HpaTargetRule(),
                // Atlassian DC
                new DuplicateEnvVarRule(), new ClusterPortUndeclaredRule(), new ClusterPortMismatchRule(),
                new HazelcastPortCollisionRule(), new SharedHomeRwxRule(), new StickySessionRule(),
                new SynchronyWebsocketTimeoutRule(), new PlaintextSecretEnvRule(), new ClusterNodeNameRule(),
                new MemoryBelowHeapRule());
    }
}
