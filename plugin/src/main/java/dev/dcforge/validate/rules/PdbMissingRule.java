package dev.dcforge.validate.rules;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

import java.util.Map;

/** A workload that runs several replicas needs a PodDisruptionBudget, or a node drain can evict all of them at once. */
public final class PdbMissingRule extends JavaRule {
    public PdbMissingRule() {
        super("pdb-missing", Severity.WARNING, "best-practice", "Replicated workload without a PodDisruptionBudget",
                "Without a budget a node drain or cluster upgrade may evict every replica at the same time.",
                "Add a PodDisruptionBudget whose selector matches the pod labels, e.g. maxUnavailable: 1 "
                        + "(the Atlassian charts expose podDisruptionBudget.enabled).",
                "polaris", "missingPodDisruptionBudget", "kubeScore", "deployment-has-poddisruptionbudget");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject o : set.ofKind("Deployment", "StatefulSet")) {
            if (Objects.maxReplicas(set, o) < 2) {
                continue;
            }
            Map<String, String> labels = Objects.podLabels(o);
            boolean covered = set.ofKind("PodDisruptionBudget").stream()
                    .anyMatch(pdb -> Objects.sameNamespace(set, pdb, o)
                            && Objects.matchesSelector(pdb.json().path("spec").path("selector"), labels));
            if (!covered) {
                sink.report(o, "runs up to " + Objects.maxReplicas(set, o) + " replicas but no PodDisruptionBudget selects its pods");
            }
        }
    }
}
