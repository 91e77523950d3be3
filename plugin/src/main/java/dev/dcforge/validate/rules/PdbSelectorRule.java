package dev.dcforge.validate.rules;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

/** A PodDisruptionBudget that selects no pod of the release protects nothing. */
public final class PdbSelectorRule extends JavaRule {
    public PdbSelectorRule() {
        super("pdb-selector-no-pods", Severity.ERROR, "cross-object", "PodDisruptionBudget selects no pods",
                "A budget whose selector matches no pod template of the release protects nothing: a drain can still evict every replica.",
                "Make spec.selector match the pod template labels of the workload it protects.");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject pdb : set.ofKind("PodDisruptionBudget")) {
            var selector = pdb.json().path("spec").path("selector");
            if (Objects.podsMatching(set, Objects.namespace(set, pdb), l -> Objects.matchesSelector(selector, l)).isEmpty()) {
                sink.report(pdb, "selector " + selector + " matches no pod template in the rendered set");
            }
        }
    }
}
