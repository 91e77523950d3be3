package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

import java.util.List;
import java.util.Map;

/** Each Service port's targetPort must be a port the selected pods declare. */
public final class ServiceTargetPortRule extends JavaRule {
    public ServiceTargetPortRule() {
        super("service-target-port-missing", Severity.ERROR, "cross-object", "Service targets a port the pods do not declare",
                "A named targetPort that no selected container declares gives the Service no endpoints for that port; "
                        + "a numeric one that is not declared is blocked by service meshes such as Istio.",
                "Point targetPort at a containerPort (by name or number) of the selected pods.",
                "kubeScore", "service-targets-pod");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject s : set.ofKind("Service")) {
            JsonNode selector = s.json().path("spec").path("selector");
            if (!selector.isObject() || selector.isEmpty()) {
                continue;
            }
            List<ManifestObject> pods = Objects.podsMatching(set, Objects.namespace(set, s), l -> Objects.matchesMap(selector, l));
            if (pods.isEmpty()) {
                continue; // service-selector-no-pods reports it
            }
            for (JsonNode port : s.json().path("spec").path("ports")) {
                JsonNode target = port.has("targetPort") ? port.get("targetPort") : port.path("port");
                boolean found = false;
                for (ManifestObject w : pods) {
                    Map<String, Integer> declared = Objects.containerPorts(w);
                    if (target.isTextual() && !target.asText().matches("\\d+") ? declared.containsKey(target.asText())
                            : declared.containsValue(target.asInt())) {
                        found = true;
                    }
                }
                if (!found) {
                    boolean named = target.isTextual() && !target.asText().matches("\\d+");
                    String where = "port " + port.path("name").asText(port.path("port").asText()) + " targets "
                            + (named ? "'" + target.asText() + "'" : target.asText()) + ", which no selected pod declares ("
                            + pods.stream().map(ManifestObject::ref).toList() + ")";
                    if (named) {
                        sink.report(s, where + ": the Service has no endpoints for it");
                    } else {
                        sink.report(s, where + ": traffic reaches it only without a service mesh", Severity.WARNING);
                    }
                }
            }
        }
    }
}
