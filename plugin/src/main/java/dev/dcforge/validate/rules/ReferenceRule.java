package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.PodTemplates;
import dev.dcforge.validate.RuleEngine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * A pod references a ServiceAccount, ConfigMap, Secret or PersistentVolumeClaim that the release does not render and
 * that nobody declared as created elsewhere (dcforge.externalObjects, or the dcforge.dev/external annotation on
 * the workload listing "Kind/name" entries). Optional references are ignored.
 */
public final class ReferenceRule extends JavaRule {
    private final String kind;
    private final RuleOptions options;
    private final BiConsumer<JsonNode, Map<String, String>> collector;

    private ReferenceRule(String id, String kind, String title, RuleOptions options,
                          BiConsumer<JsonNode, Map<String, String>> collector, String... equivalents) {
        super(id, Severity.WARNING, "cross-object", title,
                "The pod cannot start until a " + kind + " with that name exists in its namespace: it stays in "
                        + "ContainerCreating (or is rejected) after the release is installed.",
                "Render the " + kind + " in the chart, fix the name, or, when it is created outside the chart, declare it "
                        + "with dcforge.externalObjects (" + kind + "/<name>) or the annotation " + RuleOptions.EXTERNAL_ANNOTATION
                        + " on the workload.",
                equivalents);
        this.kind = kind;
        this.options = options;
        this.collector = collector;
    }

    static ReferenceRule serviceAccount(RuleOptions options) {
        return new ReferenceRule("service-account-missing", "ServiceAccount", "Referenced ServiceAccount is not rendered", options,
                (spec, out) -> {
                    String sa = spec.path("serviceAccountName").asText(spec.path("serviceAccount").asText(""));
                    if (!sa.isEmpty() && !sa.equals("default")) {
                        out.put(sa, "serviceAccountName");
                    }
                }, "kubeLinter", "non-existent-service-account");
    }

    static ReferenceRule configMap(RuleOptions options) {
        return new ReferenceRule("configmap-missing", "ConfigMap", "Referenced ConfigMap is not rendered", options,
                (spec, out) -> {
                    for (JsonNode v : spec.path("volumes")) {
                        required(v.path("configMap"), "name", "volume " + v.path("name").asText(), out);
                        for (JsonNode s : v.path("projected").path("sources")) {
                            required(s.path("configMap"), "name", "projected volume " + v.path("name").asText(), out);
                        }
                    }
                    containers(spec, (c, where) -> {
                        for (JsonNode e : c.path("env")) {
                            required(e.path("valueFrom").path("configMapKeyRef"), "name", where + " env " + e.path("name").asText(), out);
                        }
                        for (JsonNode e : c.path("envFrom")) {
                            required(e.path("configMapRef"), "name", where + " envFrom", out);
                        }
                    });
                });
    }

    static ReferenceRule secret(RuleOptions options) {
        return new ReferenceRule("secret-missing", "Secret", "Referenced Secret is not rendered", options,
                (spec, out) -> {
                    for (JsonNode v : spec.path("volumes")) {
                        required(v.path("secret"), "secretName", "volume " + v.path("name").asText(), out);
                        for (JsonNode s : v.path("projected").path("sources")) {
                            required(s.path("secret"), "name", "projected volume " + v.path("name").asText(), out);
                        }
                    }
                    for (JsonNode p : spec.path("imagePullSecrets")) {
                        out.putIfAbsent(p.path("name").asText(), "imagePullSecrets");
                    }
                    containers(spec, (c, where) -> {
                        for (JsonNode e : c.path("env")) {
                            required(e.path("valueFrom").path("secretKeyRef"), "name", where + " env " + e.path("name").asText(), out);
                        }
                        for (JsonNode e : c.path("envFrom")) {
                            required(e.path("secretRef"), "name", where + " envFrom", out);
                        }
                    });
                });
    }

    static ReferenceRule pvc(RuleOptions options) {
        return new ReferenceRule("pvc-missing", "PersistentVolumeClaim", "Referenced PersistentVolumeClaim is not rendered", options,
                (spec, out) -> {
                    for (JsonNode v : spec.path("volumes")) {
                        String claim = v.path("persistentVolumeClaim").path("claimName").asText("");
                        if (!claim.isEmpty()) {
                            out.putIfAbsent(claim, "volume " + v.path("name").asText());
                        }
                    }
                });
    }

    private static void required(JsonNode ref, String field, String where, Map<String, String> out) {
        if (ref.isObject() && !ref.path("optional").asBoolean(false) && !ref.path(field).asText("").isEmpty()) {
            out.putIfAbsent(ref.path(field).asText(), where);
        }
    }

    private static void containers(JsonNode spec, BiConsumer<JsonNode, String> each) {
        for (String list : new String[] {"initContainers", "containers", "ephemeralContainers"}) {
            for (JsonNode c : spec.path(list)) {
                each.accept(c, "container '" + c.path("name").asText() + "'");
            }
        }
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject o : set.workloads()) {
            Map<String, String> refs = new LinkedHashMap<>();
            collector.accept(PodTemplates.podSpec(o).orElseThrow(), refs);
            String ns = Objects.namespace(set, o);
            for (Map.Entry<String, String> ref : refs.entrySet()) {
                String name = ref.getKey();
                if (Objects.find(set, kind, name, ns).isPresent() || options.isExternal(kind, name)
                        || declaredExternal(o, kind + "/" + name)) {
                    continue;
                }
                sink.report(o, ref.getValue() + " references " + kind + "/" + name
                        + ", which the release does not render and is not declared external");
            }
        }
    }

    private static boolean declaredExternal(ManifestObject o, String ref) {
        for (JsonNode annotations : RuleEngine.annotationsOf(o)) {
            for (String item : annotations.path(RuleOptions.EXTERNAL_ANNOTATION).asText("").split("[,\\s]+")) {
                if (item.equals(ref) || (item.endsWith("/*") && ref.startsWith(item.substring(0, item.length() - 1)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
