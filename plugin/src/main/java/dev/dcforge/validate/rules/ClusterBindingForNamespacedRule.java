package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

import java.util.Optional;
import java.util.Set;

/** A ClusterRoleBinding whose role only touches namespaced resources grants them in every namespace. */
public final class ClusterBindingForNamespacedRule extends JavaRule {
    static final Set<String> CLUSTER_RESOURCES = Set.of("nodes", "namespaces", "persistentvolumes", "storageclasses",
            "clusterroles", "clusterrolebindings", "customresourcedefinitions", "priorityclasses", "ingressclasses",
            "certificatesigningrequests", "mutatingwebhookconfigurations", "validatingwebhookconfigurations",
            "apiservices", "nodes/proxy", "nodes/status", "namespaces/status", "*");

    public ClusterBindingForNamespacedRule() {
        super("rbac-cluster-scoped-binding", Severity.WARNING, "rbac",
                "ClusterRoleBinding where a namespaced RoleBinding suffices",
                "The role grants only namespaced resources, but a ClusterRoleBinding grants them in every namespace of the "
                        + "cluster (for example the Hazelcast discovery role of an Atlassian chart then lists pods everywhere).",
                "Replace the ClusterRoleBinding with a RoleBinding in the release namespace (it may still reference the ClusterRole).");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject b : set.ofKind("ClusterRoleBinding")) {
            JsonNode ref = b.json().path("roleRef");
            if (!ref.path("kind").asText().equals("ClusterRole")) {
                continue;
            }
            Optional<ManifestObject> role = set.find("ClusterRole", ref.path("name").asText());
            if (role.isEmpty() || role.get().json().path("rules").isEmpty()) {
                continue;
            }
            boolean onlyNamespaced = true;
            for (JsonNode rule : role.get().json().path("rules")) {
                if (rule.has("nonResourceURLs")) {
                    onlyNamespaced = false;
                }
                for (JsonNode r : rule.path("resources")) {
                    if (CLUSTER_RESOURCES.contains(r.asText())) {
                        onlyNamespaced = false;
                    }
                }
            }
            if (onlyNamespaced) {
                sink.report(b, "ClusterRole/" + role.get().name() + " grants only namespaced resources, "
                        + "but this binding grants them in every namespace");
            }
        }
    }
}
