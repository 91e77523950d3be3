package dev.dcforge.validate.rules;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

import java.util.Map;

/** The NetworkPolicies must let the ingress controller reach the HTTP port an Ingress or HTTPRoute routes to. */
public final class NetworkPolicyIngressTrafficRule extends JavaRule {
    public NetworkPolicyIngressTrafficRule() {
        super("network-policy-blocks-ingress-traffic", Severity.ERROR, "cross-object",
                "NetworkPolicies block the ingress controller",
                "An Ingress or HTTPRoute routes to the workload, but the NetworkPolicies isolating its pods admit that port "
                        + "only from pods of the release namespace; the ingress controller runs in its own namespace, so "
                        + "every request times out.",
                "Allow the HTTP port from the ingress controller's namespace (a namespaceSelector such as "
                        + "kubernetes.io/metadata.name: ingress-nginx) or from its address range.");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject w : set.workloads()) {
            for (Map.Entry<String, Integer> port : NetworkPolicies.exposedHttpPorts(set, w).entrySet()) {
                if (!NetworkPolicies.allows(set, w, NetworkPolicies.Direction.INGRESS, NetworkPolicies.ingressController(),
                        port.getValue(), port.getKey())) {
                    sink.report(w, "port " + port.getKey() + " (" + port.getValue() + ") is routed to by an Ingress/HTTPRoute "
                            + "but no NetworkPolicy rule admits it from another namespace or an address range");
                }
            }
        }
    }
}
