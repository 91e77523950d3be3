package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

/** A NetworkPolicy whose podSelector matches no pod of the release protects nothing (often a label typo). */
public final class NetworkPolicyNoPodsRule extends JavaRule {
    public NetworkPolicyNoPodsRule() {
        super("network-policy-selects-no-pods", Severity.WARNING, "cross-object", "NetworkPolicy selects no pods",
                "A policy whose podSelector matches no pod template of the release protects nothing; usually a label typo.",
                "Make spec.podSelector match the pod labels of the workload it is meant for.",
                "kubeLinter", "dangling-networkpolicy", "kubeScore", "networkpolicy-targets-pod");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject np : set.ofKind("NetworkPolicy")) {
            JsonNode selector = np.json().path("spec").path("podSelector");
            if (selector.isObject() && selector.isEmpty()) {
                continue; // selects every pod of the namespace, by design
            }
            if (Objects.podsMatching(set, Objects.namespace(set, np), l -> Objects.matchesSelector(selector, l)).isEmpty()) {
                sink.report(np, "podSelector " + selector + " matches no pod template in the rendered set");
            }
        }
    }
}
