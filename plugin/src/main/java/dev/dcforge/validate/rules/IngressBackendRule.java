package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Every Ingress backend must be a rendered Service with the named or numbered port. */
public final class IngressBackendRule extends JavaRule {
    public IngressBackendRule() {
        super("ingress-backend-missing", Severity.ERROR, "cross-object", "Ingress backend Service or port does not exist",
                "A path whose backend Service or port is not rendered answers 503 for every request to it.",
                "Point the backend at a rendered Service and one of its ports (by number or name).",
                "kubeLinter", "dangling-ingress", "kubeScore", "ingress-targets-service");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject ing : set.ofKind("Ingress")) {
            List<JsonNode> backends = new ArrayList<>();
            if (ing.json().path("spec").has("defaultBackend")) {
                backends.add(ing.json().path("spec").path("defaultBackend"));
            }
            for (JsonNode rule : ing.json().path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    backends.add(path.path("backend"));
                }
            }
            for (JsonNode backend : backends) {
                JsonNode service = backend.path("service");
                if (!service.isObject()) {
                    continue; // resource backends point at other kinds
                }
                String name = service.path("name").asText();
                JsonNode port = service.path("port");
                String problem = checkService(set, Objects.namespace(set, ing), name,
                        port.has("name") ? port.path("name").asText() : null, port.path("number").asInt(0));
                if (problem != null) {
                    sink.report(ing, problem);
                }
            }
        }
    }

    /** Null when Service/name exists with the port, else what is wrong. */
    static String checkService(ManifestSet set, String ns, String name, String portName, int portNumber) {
        Optional<ManifestObject> svc = Objects.find(set, "Service", name, ns);
        if (svc.isEmpty()) {
            return "backend Service/" + name + " is not in the rendered set";
        }
        for (JsonNode p : svc.get().json().path("spec").path("ports")) {
            if (portName != null ? portName.equals(p.path("name").asText()) : p.path("port").asInt() == portNumber) {
                return null;
            }
        }
        if (portName == null && portNumber == 0) {
            return null;
        }
        return "backend Service/" + name + " has no port " + (portName != null ? "'" + portName + "'" : portNumber);
    }
}
