package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

import java.util.Optional;

/** A binding to cluster-admin, or to a role of the chart that grants everything cluster-admin grants. */
public final class ClusterAdminBindingRule extends JavaRule {
    public ClusterAdminBindingRule() {
        super("rbac-cluster-admin-binding", Severity.ERROR, "rbac", "Binding grants cluster-admin",
                "cluster-admin (or any role with every verb on every resource) lets the subjects do anything, "
                        + "including reading every Secret and creating privileged pods.",
                "Bind a Role listing only the resources and verbs the component needs.",
                "kubeLinter", "cluster-admin-role-binding",
                "polaris", "clusterrolebindingClusterAdmin, rolebindingClusterAdminClusterRole, rolebindingClusterAdminRole");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject b : set.ofKind("RoleBinding", "ClusterRoleBinding")) {
            JsonNode ref = b.json().path("roleRef");
            String kind = ref.path("kind").asText();
            String name = ref.path("name").asText();
            if (kind.equals("ClusterRole") && name.equals("cluster-admin")) {
                sink.report(b, "roleRef is the cluster-admin ClusterRole");
                continue;
            }
            Optional<ManifestObject> role = kind.equals("ClusterRole")
                    ? set.find("ClusterRole", name)
                    : Objects.find(set, "Role", name, Objects.namespace(set, b));
            if (role.isPresent() && grantsEverything(role.get().json())) {
                sink.report(b, "roleRef " + kind + "/" + name + " grants every verb on every resource, as cluster-admin does");
            }
        }
    }

    static boolean grantsEverything(JsonNode role) {
        for (JsonNode rule : role.path("rules")) {
            if (has(rule.path("apiGroups"), "*") && has(rule.path("resources"), "*")
                    && (has(rule.path("verbs"), "*") || allVerbs(rule.path("verbs")))) {
                return true;
            }
        }
        return false;
    }

    private static boolean allVerbs(JsonNode verbs) {
        for (String v : new String[] {"get", "list", "watch", "create", "update", "patch", "delete"}) {
            if (!has(verbs, v)) {
                return false;
            }
        }
        return true;
    }

    static boolean has(JsonNode array, String value) {
        for (JsonNode n : array) {
            if (n.asText().equals(value)) {
                return true;
            }
        }
        return false;
    }
}
