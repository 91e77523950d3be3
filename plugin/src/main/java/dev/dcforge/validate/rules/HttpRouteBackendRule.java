package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

/** Every Gateway API HTTPRoute backendRef of kind Service must be a rendered Service with that port. */
public final class HttpRouteBackendRule extends JavaRule {
    public HttpRouteBackendRule() {
        super("httproute-backend-missing", Severity.ERROR, "cross-object", "HTTPRoute backend Service or port does not exist",
                "A backendRef to a Service or port that is not rendered makes the Gateway answer 500 for that route.",
                "Point backendRefs at a rendered Service and one of its port numbers.");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject route : set.ofKind("HTTPRoute")) {
            for (JsonNode rule : route.json().path("spec").path("rules")) {
                for (JsonNode ref : rule.path("backendRefs")) {
                    if (!ref.path("kind").asText("Service").equals("Service") || !ref.path("group").asText("").isEmpty()) {
                        continue;
                    }
                    String ns = ref.path("namespace").asText(Objects.namespace(set, route));
                    String problem = IngressBackendRule.checkService(set, ns, ref.path("name").asText(), null, ref.path("port").asInt(0));
                    if (problem != null) {
                        sink.report(route, problem);
                    }
                }
            }
        }
    }
}
