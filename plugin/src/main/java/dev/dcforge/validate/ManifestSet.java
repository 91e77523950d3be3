package dev.dcforge.validate;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.ManifestObject;

import java.util.List;
import java.util.Optional;

/**
 * All objects rendered for one chart × environment: what cross-object rules see.
 *
 * @param kubeVersion target Kubernetes version, e.g. "1.32.0"
 */
public record ManifestSet(ChartTarget target, String releaseNamespace, String kubeVersion, List<ManifestObject> objects) {

    public List<ManifestObject> ofKind(String... kinds) {
        List<String> wanted = List.of(kinds);
        return objects.stream().filter(o -> wanted.contains(o.kind())).toList();
    }

    public Optional<ManifestObject> find(String kind, String name) {
        return objects.stream().filter(o -> o.kind().equals(kind) && o.name().equals(name)).findFirst();
    }

    /** Workloads that carry a pod template (or are a pod). */
    public List<ManifestObject> workloads() {
        return objects.stream().filter(o -> PodTemplates.podSpec(o).isPresent()).toList();
    }
}
