package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.PodTemplates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Evaluates the NetworkPolicies of a set the way the Kubernetes network model does: a pod is isolated in a
 * direction once a policy of that type selects it, and then only the union of those policies' rules is allowed.
 * Namespace labels are unknown statically: a namespaceSelector is taken to match the release namespace when it is
 * empty, names it through kubernetes.io/metadata.name, or uses other labels (benefit of the doubt).
 */
final class NetworkPolicies {
    static final Pattern CLUSTER_PORT_NAME = Pattern.compile("(?i).*(hazel|ehcache|cluster|aleph|jgroups).*");
    private static final String NS_NAME_LABEL = "kubernetes.io/metadata.name";

    private NetworkPolicies() {
    }

    enum Direction {
        INGRESS("Ingress", "ingress", "from"), EGRESS("Egress", "egress", "to");

        final String type;
        final String rules;
        final String peers;

        Direction(String type, String rules, String peers) {
            this.type = type;
            this.rules = rules;
            this.peers = peers;
        }
    }

    /** Policies in the workload's namespace whose podSelector selects its pods. */
    static List<ManifestObject> selecting(ManifestSet set, ManifestObject w) {
        Map<String, String> labels = Objects.podLabels(w);
        return set.ofKind("NetworkPolicy").stream()
                .filter(np -> Objects.sameNamespace(set, np, w)
                        && Objects.matchesSelector(np.json().path("spec").path("podSelector"), labels))
                .toList();
    }

    static boolean isolates(ManifestObject np, Direction d) {
        JsonNode types = np.json().path("spec").path("policyTypes");
        if (types.isArray() && !types.isEmpty()) {
            return ClusterAdminBindingRule.has(types, d.type);
        }
        return d == Direction.INGRESS || np.json().path("spec").has("egress");
    }

    /**
     * Whether traffic in direction d on the workload's port (number and container port name) is allowed for peers
     * accepted by peerTest. Not isolated in that direction means allowed.
     */
    static boolean allows(ManifestSet set, ManifestObject w, Direction d, Predicate<JsonNode> peerTest, int port, String portName) {
        List<ManifestObject> policies = selecting(set, w).stream().filter(np -> isolates(np, d)).toList();
        if (policies.isEmpty()) {
            return true;
        }
        for (ManifestObject np : policies) {
            for (JsonNode rule : np.json().path("spec").path(d.rules)) {
                if (portMatches(rule.path("ports"), port, portName) && peerMatches(rule.path(d.peers), peerTest)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean peerMatches(JsonNode peers, Predicate<JsonNode> test) {
        if (!peers.isArray() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode peer : peers) {
            if (test.test(peer)) {
                return true;
            }
        }
        return false;
    }

    private static boolean portMatches(JsonNode ports, int port, String portName) {
        if (!ports.isArray() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!p.path("protocol").asText("TCP").equals("TCP")) {
                continue;
            }
            JsonNode value = p.get("port");
            if (value == null) {
                return true;
            }
            if (value.isTextual() && !value.asText().matches("\\d+")) {
                if (value.asText().equals(portName)) {
                    return true;
                }
            } else {
                int from = value.asInt();
                int to = p.path("endPort").asInt(from);
                if (port >= from && port <= to) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A peer that covers the workload's own pods (cluster traffic between its replicas). */
    static Predicate<JsonNode> ownPods(ManifestSet set, ManifestObject w) {
        Map<String, String> labels = Objects.podLabels(w);
        String ns = Objects.namespace(set, w);
        return peer -> {
            if (peer.has("ipBlock")) {
                return peer.path("ipBlock").path("cidr").asText().equals("0.0.0.0/0");
            }
            boolean nsOk = !peer.has("namespaceSelector") || namespaceMatches(peer.path("namespaceSelector"), ns);
            boolean podsOk = !peer.has("podSelector") || Objects.matchesSelector(peer.path("podSelector"), labels);
            return nsOk && podsOk && (peer.has("podSelector") || peer.has("namespaceSelector"));
        };
    }

    /**
     * A peer the ingress controller can match: any namespaceSelector (controllers run in their own namespace)
     * or an ipBlock; a bare podSelector only admits pods of the release namespace.
     */
    static Predicate<JsonNode> ingressController() {
        return peer -> peer.has("namespaceSelector") || peer.has("ipBlock");
    }

    private static boolean namespaceMatches(JsonNode selector, String ns) {
        JsonNode name = selector.path("matchLabels").path(NS_NAME_LABEL);
        if (!name.isMissingNode()) {
            return name.asText().equals(ns);
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            if (expr.path("key").asText().equals(NS_NAME_LABEL) && expr.path("operator").asText().equals("In")) {
                return ClusterAdminBindingRule.has(expr.path("values"), ns);
            }
        }
        return true;
    }

    /** Container ports of the workload that carry Atlassian cluster traffic (Hazelcast, EhCache, aleph, JGroups). */
    static Map<String, Integer> clusterPorts(ManifestObject w) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (PodTemplates.Container c : PodTemplates.containers(w)) {
            for (JsonNode p : c.json().path("ports")) {
                String name = p.path("name").asText("");
                if (CLUSTER_PORT_NAME.matcher(name).matches()) {
                    out.put(name, p.path("containerPort").asInt());
                }
            }
        }
        return out;
    }

    /** Container ports (name → number) that an Ingress or HTTPRoute reaches through a Service selecting the workload. */
    static Map<String, Integer> exposedHttpPorts(ManifestSet set, ManifestObject w) {
        Map<String, Integer> declared = Objects.containerPorts(w);
        Map<String, Integer> out = new LinkedHashMap<>();
        String ns = Objects.namespace(set, w);
        for (ManifestObject svc : set.ofKind("Service")) {
            JsonNode selector = svc.json().path("spec").path("selector");
            if (!Objects.sameNamespace(set, svc, w) || !Objects.matchesMap(selector, Objects.podLabels(w))) {
                continue;
            }
            for (JsonNode sp : svc.json().path("spec").path("ports")) {
                if (!routedTo(set, ns, svc.name(), sp)) {
                    continue;
                }
                JsonNode target = sp.has("targetPort") ? sp.get("targetPort") : sp.path("port");
                if (target.isTextual() && !target.asText().matches("\\d+")) {
                    if (declared.containsKey(target.asText())) {
                        out.put(target.asText(), declared.get(target.asText()));
                    }
                } else {
                    String name = declared.entrySet().stream().filter(e -> e.getValue() == target.asInt())
                            .map(Map.Entry::getKey).findFirst().orElse("#" + target.asInt());
                    out.put(name, target.asInt());
                }
            }
        }
        return out;
    }

    private static boolean routedTo(ManifestSet set, String ns, String service, JsonNode servicePort) {
        for (ManifestObject ing : set.ofKind("Ingress")) {
            if (!Objects.namespace(set, ing).equals(ns)) {
                continue;
            }
            List<JsonNode> backends = new ArrayList<>();
            backends.add(ing.json().path("spec").path("defaultBackend"));
            for (JsonNode rule : ing.json().path("spec").path("rules")) {
                rule.path("http").path("paths").forEach(p -> backends.add(p.path("backend")));
            }
            for (JsonNode b : backends) {
                JsonNode s = b.path("service");
                if (s.path("name").asText().equals(service)
                        && (s.path("port").path("name").asText("").equals(servicePort.path("name").asText("-"))
                        || s.path("port").path("number").asInt(-1) == servicePort.path("port").asInt())) {
                    return true;
                }
            }
        }
        for (ManifestObject route : set.ofKind("HTTPRoute")) {
            for (JsonNode rule : route.json().path("spec").path("rules")) {
                for (JsonNode ref : rule.path("backendRefs")) {
                    if (ref.path("name").asText().equals(service)
                            && ref.path("namespace").asText(Objects.namespace(set, route)).equals(ns)
                            && ref.path("port").asInt(-1) == servicePort.path("port").asInt()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
