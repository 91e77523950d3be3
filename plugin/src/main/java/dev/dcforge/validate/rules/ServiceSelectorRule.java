package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

/** A Service whose selector matches no pod in the set has no endpoints. */
public final class ServiceSelectorRule extends JavaRule {
    public ServiceSelectorRule() {
        super("service-selector-no-pods", Severity.ERROR, "cross-object", "Service selects no pods",
                "A Service whose selector matches no pod template of the release has no endpoints: the ingress returns 503.",
                "Make spec.selector a subset of the pod template labels of the workload it fronts.",
                "kubeLinter", "dangling-service", "kubeScore", "service-targets-pod");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject s : set.ofKind("Service")) {
            JsonNode selector = s.json().path("spec").path("selector");
            if (!selector.isObject() || selector.isEmpty() || s.json().path("spec").path("type").asText().equals("ExternalName")) {
                continue;
            }
            if (Objects.podsMatching(set, Objects.namespace(set, s), l -> Objects.matchesMap(selector, l)).isEmpty()) {
                sink.report(s, "selector " + selector + " matches no pod template in the rendered set");
            }
        }
    }
}
