package dev.dcforge.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.model.ManifestObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Finds the pod spec, pod metadata and containers inside any workload kind. */
public final class PodTemplates {
    public static final Set<String> WORKLOAD_KINDS =
            Set.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob");

    private PodTemplates() {
    }

    /** A Helm test hook ("helm.sh/hook: test"): it runs only on helm test, not as part of the running release. */
    public static boolean isHelmTest(ManifestObject o) {
        for (String hook : o.json().path("metadata").path("annotations").path("helm.sh/hook").asText("").split(",")) {
            if (hook.trim().equals("test") || hook.trim().equals("test-success")) {
                return true;
            }
        }
        return false;
    }

    /** The object holding "metadata" and "spec" of the pod: the object itself for a Pod. */
    public static Optional<ObjectNode> podTemplate(ManifestObject o) {
        JsonNode json = o.json();
        JsonNode template = switch (o.kind()) {
            case "Pod" -> json;
            case "CronJob" -> json.path("spec").path("jobTemplate").path("spec").path("template");
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job" ->
                    json.path("spec").path("template");
            default -> null;
        };
        return template instanceof ObjectNode t ? Optional.of(t) : Optional.empty();
    }

    public static Optional<ObjectNode> podSpec(ManifestObject o) {
        return podTemplate(o).map(t -> t.path("spec")).filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast);
    }

    /** Containers, init containers and ephemeral containers, each with its list name. */
    public static List<Container> containers(ManifestObject o) {
        List<Container> result = new ArrayList<>();
        podSpec(o).ifPresent(spec -> {
            for (String list : List.of("initContainers", "containers", "ephemeralContainers")) {
                JsonNode items = spec.path(list);
                for (int i = 0; i < items.size(); i++) {
                    if (items.get(i) instanceof ObjectNode c) {
                        result.add(new Container(list, i, c));
                    }
                }
            }
        });
        return result;
    }

    /** A container and where it sits: "containers[0]". */
    public record Container(String list, int index, ObjectNode json) {
        public String name() {
            return json.path("name").asText("?");
        }

        public boolean isInit() {
            return list.equals("initContainers");
        }

        public String path() {
            return list + "[" + index + "]";
        }
    }
}
