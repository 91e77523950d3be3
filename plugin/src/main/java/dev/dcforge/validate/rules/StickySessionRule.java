package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

import java.util.List;

/**
 * Atlassian DC needs session affinity: a user's requests must keep reaching the node that holds the session.
 * Accepted: ingress-nginx cookie affinity, Traefik sticky cookies, AWS ALB stickiness, an Istio DestinationRule with
 * consistentHash for the Service, or Gateway API sessionPersistence on the route.
 */
public final class StickySessionRule extends JavaRule {
    public StickySessionRule() {
        super("atlassian-sticky-sessions", Severity.ERROR, "atlassian", "No sticky sessions for a clustered product",
                "Atlassian DC keeps HTTP sessions on the node that created them; without session affinity the load balancer "
                        + "sends the next request to another node and the user is logged out or loses the page they were editing.",
                "With ingress-nginx set nginx.ingress.kubernetes.io/affinity: cookie (the Atlassian charts do it when "
                        + "ingress.nginx is true); with Istio add a DestinationRule for the Service with "
                        + "trafficPolicy.loadBalancer.consistentHash.httpCookie; with Gateway API set sessionPersistence.");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject w : set.workloads()) {
            if (Objects.maxReplicas(set, w) < 2 || !Objects.isAtlassianProduct(w)) {
                continue;
            }
            for (ManifestObject svc : Objects.servicesFor(set, w)) {
                if (hasDestinationRuleHash(set, svc)) {
                    continue;
                }
                for (ManifestObject ing : set.ofKind("Ingress")) {
                    if (Objects.sameNamespace(set, ing, svc) && Objects.ingressServices(ing).contains(svc.name()) && !sticky(ing, svc)) {
                        sink.report(ing, "routes to Service/" + svc.name() + " of " + w.ref() + " (up to "
                                + Objects.maxReplicas(set, w) + " replicas) without session affinity");
                    }
                }
                for (ManifestObject route : set.ofKind("HTTPRoute")) {
                    for (JsonNode rule : route.json().path("spec").path("rules")) {
                        boolean targets = false;
                        for (JsonNode ref : rule.path("backendRefs")) {
                            targets |= ref.path("name").asText().equals(svc.name());
                        }
                        if (targets && !rule.has("sessionPersistence")) {
                            sink.report(route, "routes to Service/" + svc.name() + " of " + w.ref()
                                    + " without sessionPersistence or an Istio DestinationRule consistentHash");
                        }
                    }
                }
            }
        }
    }

    private static boolean sticky(ManifestObject ing, ManifestObject svc) {
        JsonNode a = ing.json().path("metadata").path("annotations");
        JsonNode s = svc.json().path("metadata").path("annotations");
        return a.path("nginx.ingress.kubernetes.io/affinity").asText().equals("cookie")
                || a.path("alb.ingress.kubernetes.io/target-group-attributes").asText().contains("stickiness.enabled=true")
                || s.path("alb.ingress.kubernetes.io/target-group-attributes").asText().contains("stickiness.enabled=true")
                || s.path("traefik.ingress.kubernetes.io/service.sticky.cookie").asText().equals("true");
    }

    private static boolean hasDestinationRuleHash(ManifestSet set, ManifestObject svc) {
        String ns = Objects.namespace(set, svc);
        List<String> hosts = List.of(svc.name(), svc.name() + "." + ns, svc.name() + "." + ns + ".svc",
                svc.name() + "." + ns + ".svc.cluster.local");
        for (ManifestObject dr : set.ofKind("DestinationRule")) {
            if (hosts.contains(dr.json().path("spec").path("host").asText())
                    && dr.json().path("spec").path("trafficPolicy").path("loadBalancer").has("consistentHash")) {
                return true;
            }
        }
        return false;
    }
}
