package dev.dcforge.validate.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Every rule dcforge ships: the data rules in the plugin's resources and the Java rules listed here. */
public final class BuiltInRules {
    private BuiltInRules() {
    }

    /** Every built-in rule, whatever the options (the catalogue). */
    public static List<Rule> all() {
        return all(RuleOptions.defaults());
    }

    /** Every built-in rule, with references to the external objects accepted. */
    public static List<Rule> all(RuleOptions options) {
        List<Rule> rules = new ArrayList<>(new RuleLoader().builtIn());
        rules.addAll(javaRules(options));
        rules.sort(Comparator.comparing(r -> r.info().id()));
        return rules;
    }

    /** The rules to run: all of them, minus the pod-security rules outside the chosen profile. */
    public static List<Rule> select(RuleOptions options) {
        return all(options).stream()
                .filter(r -> !r.info().pack().equals("pod-security") || options.includesProfile(r.info().profiles()))
                .toList();
    }

    /**
     * The given rules plus the custom rules of a folder (same YAML format as the built-ins). A custom rule may not
     * reuse the id of another rule.
     */
    public static List<Rule> withCustom(List<Rule> rules, java.nio.file.Path folder) {
        List<Rule> all = new ArrayList<>(rules);
        java.util.Set<String> ids = new java.util.HashSet<>();
        rules.forEach(r -> ids.add(r.info().id()));
        for (Rule custom : new RuleLoader().loadFolder(folder, "custom")) {
            if (!ids.add(custom.info().id())) {
                throw new dev.dcforge.support.UserError(folder.toString(), 0, "custom rule id '" + custom.info().id()
                        + "' (" + custom.info().origin() + ") is already used by another rule", "give the custom rule its own id");
            }
            all.add(custom);
        }
        all.sort(Comparator.comparing(r -> r.info().id()));
        return all;
    }

    static List<Rule> javaRules(RuleOptions options) {
        return List.of(
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
