package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

/** A HorizontalPodAutoscaler whose scale target is not rendered scales nothing. */
public final class HpaTargetRule extends JavaRule {
    public HpaTargetRule() {
        super("hpa-target-missing", Severity.WARNING, "cross-object", "HorizontalPodAutoscaler targets a missing workload",
                "The autoscaler's scaleTargetRef names a workload that the release does not render, so it never scales anything.",
                "Point scaleTargetRef at the kind and name of a rendered Deployment or StatefulSet.",
                "kubeLinter", "dangling-horizontalpodautoscaler", "kubeScore", "horizontalpodautoscaler-has-target");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject hpa : set.ofKind("HorizontalPodAutoscaler")) {
            JsonNode ref = hpa.json().path("spec").path("scaleTargetRef");
            String kind = ref.path("kind").asText();
            String name = ref.path("name").asText();
            if (Objects.find(set, kind, name, Objects.namespace(set, hpa)).isEmpty()) {
                sink.report(hpa, "scaleTargetRef " + kind + "/" + name + " is not in the rendered set");
            }
        }
    }
}
