package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.support.Secrets;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.PodTemplates;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two env entries with one name: Kubernetes keeps the last one and silently drops the first
 * (seed 003 lost the chart's JVM arguments this way).
 */
public final class DuplicateEnvVarRule extends JavaRule {
    public DuplicateEnvVarRule() {
        super("duplicate-env-var", Severity.ERROR, "atlassian", "Duplicated environment variable",
                "When a container lists the same env name twice, the later value silently replaces the earlier one, "
                        + "so settings the chart produced (such as JVM_SUPPORT_RECOMMENDED_ARGS) are lost.",
                "Set the value once: use the chart's own key (for JVM arguments additionalJvmArgs) instead of "
                        + "adding a second env entry with the same name.",
                "kubeLinter", "duplicate-env-var");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject o : set.workloads()) {
            for (PodTemplates.Container c : PodTemplates.containers(o)) {
                Map<String, JsonNode> seen = new LinkedHashMap<>();
                for (JsonNode env : c.json().path("env")) {
                    String name = env.path("name").asText();
                    JsonNode earlier = seen.put(name, env);
                    if (earlier != null) {
                        sink.report(o, "container '" + c.name() + "' sets env " + name + " twice; Kubernetes keeps the last value "
                                + describe(env) + " and loses " + describe(earlier));
                    }
                }
            }
        }
    }

    private static String describe(JsonNode env) {
        if (env.has("value")) {
            String v = Secrets.maskIfSecret(env.path("name").asText(), env.path("value").asText());
            return "'" + (v.length() > 120 ? v.substring(0, 117) + "..." : v) + "'";
        }
        return "(valueFrom " + env.path("valueFrom").fieldNames().next() + ")";
    }
}
