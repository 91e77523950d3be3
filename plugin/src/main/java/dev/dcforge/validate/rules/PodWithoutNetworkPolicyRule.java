package dev.dcforge.validate.rules;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.PodTemplates;

/** Every pod should be selected by some NetworkPolicy; otherwise it accepts traffic from everywhere. */
public final class PodWithoutNetworkPolicyRule extends JavaRule {
    public PodWithoutNetworkPolicyRule() {
        super("pod-without-network-policy", Severity.WARNING, "cross-object", "Pod not selected by any NetworkPolicy",
                "A pod no NetworkPolicy selects accepts connections from every pod of the cluster, including to its "
                        + "Hazelcast and JMX ports.",
                "Render a NetworkPolicy whose podSelector matches the workload (the Atlassian charts do not ship one; "
                        + "add it through additionalObjects or a dcforge overlay).",
                "kubeLinter", "non-isolated-pod", "kubeScore", "pod-networkpolicy");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject w : set.workloads()) {
            if (PodTemplates.isHelmTest(w)) {
                continue;
            }
            if (NetworkPolicies.selecting(set, w).isEmpty()) {
                sink.report(w, "no NetworkPolicy in the set selects the pod labels " + Objects.podLabels(w));
            }
        }
    }
}
