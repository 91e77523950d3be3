package dev.dcforge.validate.rules;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

import java.util.Set;

/** Objects in the default namespace share it with everything else that forgot a namespace. */
public final class DefaultNamespaceRule extends JavaRule {
    static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding", "PersistentVolume",
            "StorageClass", "CustomResourceDefinition", "PriorityClass", "IngressClass", "GatewayClass", "Node",
            "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "APIService", "CSIDriver", "RuntimeClass");

    public DefaultNamespaceRule() {
        super("default-namespace", Severity.WARNING, "best-practice", "Object in the default namespace",
                "The default namespace has no boundary: quotas, NetworkPolicies and RBAC meant for the application also hit "
                        + "everything else deployed there by accident.",
                "Install the release into its own namespace (helm --namespace, dcforge environment namespace).",
                "kubeLinter", "use-namespace", "checkov", "CKV_K8S_21");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject o : set.objects()) {
            if (!CLUSTER_SCOPED.contains(o.kind()) && Objects.namespace(set, o).equals("default")) {
                sink.report(o, o.namespace().isEmpty() ? "lands in the default namespace (the release namespace)"
                        : "metadata.namespace is default");
            }
        }
    }
}
