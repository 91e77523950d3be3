package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.PodTemplates;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Each DC node needs its own cluster node name; a literal or the Kubernetes node's name is shared between pods. */
public final class ClusterNodeNameRule extends JavaRule {
    static final Pattern ENV_NAME = Pattern.compile("(?i)^(JIRA_NODE_ID|CLUSTER_NODE_NAME|CLUSTER_NODE_ID|ATL_CLUSTER_NODE_NAME|.*_NODE_ID)$");
    static final Pattern JVM_KEY = Pattern.compile("(?i)^(jira\\.node\\.id|confluence\\.cluster\\.node\\.name|cluster\\.node\\.name|bamboo\\.node\\.id)$");
    private static final Pattern SYSTEM_PROPERTY = Pattern.compile("-D([^=\\s]+)=(\\S*)");
    private static final Pattern REF = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    public ClusterNodeNameRule() {
        super("atlassian-cluster-node-name", Severity.ERROR, "atlassian", "Cluster node name is not unique per pod",
                "Atlassian DC identifies nodes by their node id or name; when every replica gets the same literal value, "
                        + "or the name of the Kubernetes node (shared by pods on one node), nodes overwrite each other's "
                        + "cluster state and scheduled jobs run twice or never.",
                "Derive it from the pod: valueFrom.fieldRef.fieldPath: metadata.name (the Atlassian charts do this when "
                        + "clustering is enabled), or -D...=$(POD_NAME) with POD_NAME from the downward API.");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject w : set.workloads()) {
            if (Objects.maxReplicas(set, w) < 2) {
                continue;
            }
            for (PodTemplates.Container c : PodTemplates.containers(w)) {
                Set<String> podDerived = new HashSet<>();
                for (JsonNode e : c.json().path("env")) {
                    String field = e.path("valueFrom").path("fieldRef").path("fieldPath").asText("");
                    if (field.equals("metadata.name") || field.equals("status.podIP") || field.equals("metadata.uid")) {
                        podDerived.add(e.path("name").asText());
                    }
                }
                for (JsonNode e : c.json().path("env")) {
                    String name = e.path("name").asText();
                    String field = e.path("valueFrom").path("fieldRef").path("fieldPath").asText("");
                    if (ENV_NAME.matcher(name).matches()) {
                        if (field.equals("spec.nodeName")) {
                            sink.report(w, "container '" + c.name() + "': env " + name + " is the Kubernetes node name, shared by pods on one node");
                        } else if (e.has("value") && !derived(e.path("value").asText(), podDerived)) {
                            sink.report(w, "container '" + c.name() + "': env " + name + " is the literal '" + e.path("value").asText()
                                    + "' for every replica");
                        }
                    }
                    Matcher m = SYSTEM_PROPERTY.matcher(e.path("value").asText(""));
                    while (m.find()) {
                        if (JVM_KEY.matcher(m.group(1)).matches() && !derived(m.group(2), podDerived)) {
                            sink.report(w, "container '" + c.name() + "': env " + name + " sets -D" + m.group(1) + "=" + m.group(2)
                                    + " for every replica");
                        }
                    }
                }
            }
        }
    }

    private static boolean derived(String value, Set<String> podDerived) {
        Matcher m = REF.matcher(value);
        while (m.find()) {
            if (podDerived.contains(m.group(1))) {
                return true;
            }
        }
        return false;
    }
}
