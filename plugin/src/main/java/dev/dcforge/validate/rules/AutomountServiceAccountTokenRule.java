package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.PodTemplates;

import java.util.Optional;

/**
 * The pod gets an API token it does not use. A ServiceAccount bound to a Role or ClusterRole in the set is taken to
 * need it (Atlassian clustering discovers its peers through the Kubernetes API).
 */
public final class AutomountServiceAccountTokenRule extends JavaRule {
    public AutomountServiceAccountTokenRule() {
        super("automount-service-account-token", Severity.WARNING, "best-practice", "API token mounted without need",
                "Every pod gets its ServiceAccount's API token unless told otherwise; a compromised container can use it "
                        + "against the API server. A ServiceAccount bound to a role in the chart is taken to need its token "
                        + "(Atlassian DC clustering discovers peers through the API).",
                "Set automountServiceAccountToken: false on the pod or on its ServiceAccount, or bind the ServiceAccount "
                        + "to the Role it needs.",
                "polaris", "automountServiceAccountToken", "checkov", "CKV_K8S_38");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject o : set.workloads()) {
            if (PodTemplates.isHelmTest(o)) {
                continue;
            }
            JsonNode spec = PodTemplates.podSpec(o).orElseThrow();
            JsonNode podSetting = spec.get("automountServiceAccountToken");
            if (podSetting != null && !podSetting.asBoolean(true)) {
                continue;
            }
            String saName = spec.path("serviceAccountName").asText(spec.path("serviceAccount").asText("default"));
            String ns = Objects.namespace(set, o);
            Optional<ManifestObject> sa = Objects.find(set, "ServiceAccount", saName, ns);
            if (podSetting == null && sa.isPresent() && !sa.get().json().path("automountServiceAccountToken").asBoolean(true)) {
                continue;
            }
            if (isBound(set, saName, ns)) {
                continue;
            }
            sink.report(o, "the pod mounts the API token of ServiceAccount '" + saName + "'"
                    + (podSetting != null ? " (automountServiceAccountToken: true)" : "")
                    + " but no RoleBinding or ClusterRoleBinding in the set grants that ServiceAccount anything");
        }
    }

    private static boolean isBound(ManifestSet set, String saName, String ns) {
        for (ManifestObject b : set.ofKind("RoleBinding", "ClusterRoleBinding")) {
            for (JsonNode s : b.json().path("subjects")) {
                if (s.path("kind").asText().equals("ServiceAccount") && s.path("name").asText().equals(saName)
                        && s.path("namespace").asText(Objects.namespace(set, b)).equals(ns)) {
                    return true;
                }
            }
        }
        return false;
    }
}
