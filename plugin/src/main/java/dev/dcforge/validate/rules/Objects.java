package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.PodTemplates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Helpers shared by the cross-object rules: namespaces, labels, selectors, replicas. */
final class Objects {
    private Objects() {
    }

    /** The namespace the object lands in: its own, else the release namespace. */
    static String namespace(ManifestSet set, ManifestObject o) {
        String ns = o.namespace();
        return ns.isEmpty() ? (set.releaseNamespace() == null ? "" : set.releaseNamespace()) : ns;
    }

    static boolean sameNamespace(ManifestSet set, ManifestObject a, ManifestObject b) {
        return namespace(set, a).equals(namespace(set, b));
    }

    /** An object of the kind and name in the given namespace. */
    static Optional<ManifestObject> find(ManifestSet set, String kind, String name, String namespace) {
        return set.objects().stream().filter(o -> o.kind().equals(kind) && o.name().equals(name)
                && namespace(set, o).equals(namespace)).findFirst();
    }

    static Map<String, String> labels(JsonNode metadata) {
        Map<String, String> labels = new LinkedHashMap<>();
        metadata.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static Map<String, String> podLabels(ManifestObject o) {
        return PodTemplates.podTemplate(o).map(t -> labels(t.path("metadata"))).orElse(Map.of());
    }

    /** A plain label map selector (Service.spec.selector): every pair must be present. Empty selects nothing here. */
    static boolean matchesMap(JsonNode selector, Map<String, String> labels) {
        if (selector == null || !selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (var it = selector.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A LabelSelector (matchLabels + matchExpressions). An empty selector selects everything. */
    static boolean matchesSelector(JsonNode selector, Map<String, String> labels) {
        if (selector == null || selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        for (var it = selector.path("matchLabels").fields(); it.hasNext(); ) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String key = expr.path("key").asText();
            List<String> values = new ArrayList<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            boolean has = labels.containsKey(key);
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> has && values.contains(labels.get(key));
                case "NotIn" -> !has || !values.contains(labels.get(key));
                case "Exists" -> has;
                case "DoesNotExist" -> !has;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** Workloads in the namespace whose pod labels a selector test accepts. */
    static List<ManifestObject> podsMatching(ManifestSet set, String namespace, java.util.function.Predicate<Map<String, String>> test) {
        return set.workloads().stream()
                .filter(w -> namespace(set, w).equals(namespace) && podLabelVariants(w).stream().anyMatch(test))
                .toList();
    }

    /**
     * The labels the workload's pods carry: the template's, and for a StatefulSet also the per-pod labels its
     * controller adds (statefulset.kubernetes.io/pod-name, apps.kubernetes.io/pod-index), one map per ordinal.
     */
    static List<Map<String, String>> podLabelVariants(ManifestObject w) {
        Map<String, String> base = podLabels(w);
        if (!w.kind().equals("StatefulSet")) {
            return List.of(base);
        }
        List<Map<String, String>> out = new ArrayList<>();
        out.add(base);
        int replicas = Math.min(w.json().path("spec").path("replicas").asInt(1), 1000);
        for (int i = 0; i < Math.max(replicas, 1); i++) {
            Map<String, String> labels = new LinkedHashMap<>(base);
            labels.put("statefulset.kubernetes.io/pod-name", w.name() + "-" + i);
            labels.put("apps.kubernetes.io/pod-index", String.valueOf(i));
            out.add(labels);
        }
        return out;
    }

    /** Most pods the workload can run: spec.replicas (default 1), raised by an HPA's maxReplicas; DaemonSets count as many. */
    static int maxReplicas(ManifestSet set, ManifestObject o) {
        if (o.kind().equals("DaemonSet")) {
            return Integer.MAX_VALUE;
        }
        if (o.kind().equals("Pod") || o.kind().equals("Job") || o.kind().equals("CronJob")) {
            return 1;
        }
        int replicas = o.json().path("spec").path("replicas").asInt(1);
        for (ManifestObject hpa : set.ofKind("HorizontalPodAutoscaler")) {
            JsonNode ref = hpa.json().path("spec").path("scaleTargetRef");
            if (ref.path("kind").asText().equals(o.kind()) && ref.path("name").asText().equals(o.name())
                    && sameNamespace(set, hpa, o)) {
                replicas = Math.max(replicas, hpa.json().path("spec").path("maxReplicas").asInt(replicas));
            }
        }
        return replicas;
    }

    /** Every port of every container of the workload: name → number, and the numbers. */
    static Map<String, Integer> containerPorts(ManifestObject o) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (PodTemplates.Container c : PodTemplates.containers(o)) {
            for (JsonNode p : c.json().path("ports")) {
                int number = p.path("containerPort").asInt(0);
                ports.put(p.path("name").asText("#" + number), number);
            }
        }
        return ports;
    }

    static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? "" : node.asText();
    }

    /** Services in the workload's namespace whose selector matches its pod labels. */
    static List<ManifestObject> servicesFor(ManifestSet set, ManifestObject w) {
        Map<String, String> labels = podLabels(w);
        return set.ofKind("Service").stream()
                .filter(s -> sameNamespace(set, s, w)
                        && podLabelVariants(w).stream().anyMatch(l -> matchesMap(s.json().path("spec").path("selector"), l)))
                .toList();
    }

    /** Names of the Services an Ingress sends traffic to. */
    static List<String> ingressServices(ManifestObject ing) {
        List<String> names = new ArrayList<>();
        String def = ing.json().path("spec").path("defaultBackend").path("service").path("name").asText("");
        if (!def.isEmpty()) {
            names.add(def);
        }
        for (JsonNode rule : ing.json().path("spec").path("rules")) {
            for (JsonNode path : rule.path("http").path("paths")) {
                String n = path.path("backend").path("service").path("name").asText("");
                if (!n.isEmpty()) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    /** Atlassian DC product workloads: an atlassian/* image or the chart's app.kubernetes.io/name label. */
    static boolean isAtlassianProduct(ManifestObject w) {
        String name = podLabels(w).getOrDefault("app.kubernetes.io/name", "");
        if (List.of("jira", "confluence", "bitbucket", "bamboo", "crowd").contains(name)) {
            return true;
        }
        return PodTemplates.containers(w).stream().anyMatch(c -> !c.isInit()
                && ReadOnlyRootFilesystemRule.ATLASSIAN_IMAGE.matcher(c.json().path("image").asText("")).matches());
    }
}
