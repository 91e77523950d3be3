package dev.dcforge.validate.rules;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

import java.util.Map;

/** The NetworkPolicies must let the replicas of a clustered workload reach each other's cluster ports. */
public final class NetworkPolicyClusterTrafficRule extends JavaRule {
    public NetworkPolicyClusterTrafficRule() {
        super("network-policy-blocks-cluster-traffic", Severity.ERROR, "cross-object",
                "NetworkPolicies block cluster traffic between replicas",
                "Atlassian DC nodes talk to each other on their Hazelcast, EhCache or aleph ports. When a NetworkPolicy "
                        + "isolates the pods and no rule admits those ports from the workload's own pods, the nodes cannot "
                        + "form a cluster: caches diverge, or the node refuses to start (split brain).",
                "Add an ingress rule (and an egress rule, if egress is isolated) allowing the cluster ports from a podSelector "
                        + "that matches the workload's own pod labels.");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject w : set.workloads()) {
            if (Objects.maxReplicas(set, w) < 2) {
                continue;
            }
            for (Map.Entry<String, Integer> port : NetworkPolicies.clusterPorts(w).entrySet()) {
                for (NetworkPolicies.Direction d : NetworkPolicies.Direction.values()) {
                    if (!NetworkPolicies.allows(set, w, d, NetworkPolicies.ownPods(set, w), port.getValue(), port.getKey())) {
                        sink.report(w, "the NetworkPolicies selecting these pods block " + d.type.toLowerCase()
                                + " traffic on cluster port " + port.getKey() + " (" + port.getValue() + ") between the workload's own pods");
                    }
                }
            }
        }
    }
}
