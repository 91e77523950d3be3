package dev.dcforge.validate.rules;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

/** A controller whose selector does not match its own pod template is rejected by the API server. */
public final class SelectorMismatchRule extends JavaRule {
    public SelectorMismatchRule() {
        super("selector-mismatch", Severity.ERROR, "best-practice", "Workload selector does not match its pod labels",
                "The API server rejects a Deployment, StatefulSet, DaemonSet or ReplicaSet whose selector does not select "
                        + "its own pod template, so the release fails at install time.",
                "Make spec.selector.matchLabels a subset of spec.template.metadata.labels.",
                "kubeLinter", "mismatching-selector");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject o : set.ofKind("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet")) {
            var selector = o.json().path("spec").path("selector");
            if (selector.isMissingNode()) {
                sink.report(o, "spec.selector is missing");
            } else if (!Objects.matchesSelector(selector, Objects.podLabels(o))) {
                sink.report(o, "spec.selector " + selector + " does not match the pod template labels " + Objects.podLabels(o));
            }
        }
    }
}
