package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.PodTemplates;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Set;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an Atlassian product container is configured with: its effective environment (the last entry of a name wins,
 * as in Kubernetes; configMapKeyRef resolved against the set), the JVM system properties in its JVM argument
 * variables, and the .properties files of the ConfigMaps mounted into it.
 */
final class ContainerConfig {
    /** Env variables the Atlassian images pass to the JVM. */
    static final List<String> JVM_ENV = List.of("JVM_SUPPORT_RECOMMENDED_ARGS", "CATALINA_OPTS", "JAVA_OPTS", "JVM_OPTS",
            "JDK_JAVA_OPTIONS", "JAVA_TOOL_OPTIONS");
    private static final Pattern SYSTEM_PROPERTY = Pattern.compile("-D([^=\\s]+)=(\\S*)");
    private static final Pattern XMX = Pattern.compile("-Xmx(\\d+[kKmMgGtT]?)");
    private static final Pattern PROPERTY_LINE = Pattern.compile("^\\s*([^#!=:\\s][^=:\\s]*)\\s*[=:]\\s*(.*?)\\s*$", Pattern.MULTILINE);

    /** One setting and where it came from, for messages. */
    record Setting(String key, String value, String source) {
        Optional<Integer> asPort() {
            try {
                int p = Integer.parseInt(value.trim());
                return p > 0 && p < 65536 ? Optional.of(p) : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** An env var's effective value; value is null when it comes from a Secret or cannot be resolved. */
    record Env(String name, String value, String source, JsonNode json) {
    }

    final ManifestObject workload;
    final PodTemplates.Container container;
    final Map<String, Env> env = new LinkedHashMap<>();
    final List<Setting> jvm = new ArrayList<>();
    final List<Setting> properties = new ArrayList<>();
    final List<String> heapSources = new ArrayList<>();

    ContainerConfig(ManifestSet set, ManifestObject workload, PodTemplates.Container container) {
        this.workload = workload;
        this.container = container;
        String ns = Objects.namespace(set, workload);
        for (JsonNode e : container.json().path("env")) {
            String name = e.path("name").asText();
            if (e.has("value")) {
                env.put(name, new Env(name, e.path("value").asText(""), "env " + name, e));
            } else {
                JsonNode ref = e.path("valueFrom").path("configMapKeyRef");
                String value = null;
                String source = "env " + name;
                if (ref.isObject()) {
                    value = Objects.find(set, "ConfigMap", ref.path("name").asText(), ns)
                            .map(cm -> cm.json().path("data").path(ref.path("key").asText()))
                            .filter(JsonNode::isTextual).map(JsonNode::asText).orElse(null);
                    source += " (ConfigMap/" + ref.path("name").asText() + " key " + ref.path("key").asText() + ")";
                }
                env.put(name, new Env(name, value, source, e));
            }
        }
        for (String name : JVM_ENV) {
            Env e = env.get(name);
            if (e != null && e.value() != null) {
                Matcher m = SYSTEM_PROPERTY.matcher(e.value());
                while (m.find()) {
                    jvm.add(new Setting(m.group(1), m.group(2), e.source()));
                }
            }
        }
        List<String> commandLine = new ArrayList<>();
        container.json().path("command").forEach(n -> commandLine.add(n.asText()));
        container.json().path("args").forEach(n -> commandLine.add(n.asText()));
        Matcher m = SYSTEM_PROPERTY.matcher(String.join(" ", commandLine));
        while (m.find()) {
            jvm.add(new Setting(m.group(1), m.group(2), "container command/args"));
        }
        // ConfigMaps mounted into this container
        Map<String, String> configMapVolumes = new LinkedHashMap<>();
        PodTemplates.podSpec(workload).ifPresent(spec -> spec.path("volumes").forEach(v -> {
            if (v.path("configMap").has("name")) {
                configMapVolumes.put(v.path("name").asText(), v.path("configMap").path("name").asText());
            }
        }));
        for (JsonNode mount : container.json().path("volumeMounts")) {
            String cmName = configMapVolumes.get(mount.path("name").asText());
            if (cmName != null) {
                addProperties(set, ns, cmName, mount.path("subPath").asText(""), "");
            }
        }
        // An init container that mounts a ConfigMap and a volume this container also mounts renders the
        // ConfigMap's files into that volume (the chart's synchrony-args init container fills in the pod IP this way)
        Set<String> ownVolumes = new HashSet<>();
        container.json().path("volumeMounts").forEach(vm -> ownVolumes.add(vm.path("name").asText()));
        for (PodTemplates.Container init : PodTemplates.containers(workload)) {
            if (!init.isInit()) {
                continue;
            }
            boolean sharesAVolume = false;
            List<JsonNode> configMapMounts = new ArrayList<>();
            for (JsonNode vm : init.json().path("volumeMounts")) {
                String volume = vm.path("name").asText();
                if (configMapVolumes.containsKey(volume)) {
                    configMapMounts.add(vm);
                } else if (ownVolumes.contains(volume)) {
                    sharesAVolume = true;
                }
            }
            if (sharesAVolume) {
                for (JsonNode vm : configMapMounts) {
                    addProperties(set, ns, configMapVolumes.get(vm.path("name").asText()), vm.path("subPath").asText(""),
                            " (written by init container '" + init.name() + "')");
                }
            }
        }
    }

    private void addProperties(ManifestSet set, String ns, String cmName, String subPath, String via) {
        Objects.find(set, "ConfigMap", cmName, ns).ifPresent(cm -> cm.json().path("data").fields().forEachRemaining(d -> {
            if (d.getKey().endsWith(".properties") && (subPath.isEmpty() || subPath.equals(d.getKey()))) {
                Matcher pm = PROPERTY_LINE.matcher(d.getValue().asText(""));
                while (pm.find()) {
                    properties.add(new Setting(pm.group(1), pm.group(2), "ConfigMap/" + cmName + " " + d.getKey() + via));
                }
            }
        }));
    }

    static List<ContainerConfig> of(ManifestSet set, ManifestObject w) {
        List<ContainerConfig> out = new ArrayList<>();
        for (PodTemplates.Container c : PodTemplates.containers(w)) {
            if (!c.isInit()) {
                out.add(new ContainerConfig(set, w, c));
            }
        }
        return out;
    }

    /** Last value of a JVM system property (the JVM keeps the last -D of a key). */
    Optional<Setting> jvmProperty(String key) {
        Setting last = null;
        for (Setting s : jvm) {
            if (s.key().equals(key)) {
                last = s;
            }
        }
        return Optional.ofNullable(last);
    }

    Optional<Setting> property(String key) {
        return properties.stream().filter(s -> s.key().equals(key)).reduce((a, b) -> b);
    }

    String name() {
        return container.name();
    }

    String image() {
        return container.json().path("image").asText("");
    }

    /** Maximum heap in bytes: -Xmx in the JVM arguments, else JVM_MAXIMUM_MEMORY; empty when not set. */
    Optional<Long> maxHeap() {
        Long heap = null;
        for (String name : JVM_ENV) {
            Env e = env.get(name);
            if (e != null && e.value() != null) {
                Matcher m = XMX.matcher(e.value());
                while (m.find()) {
                    heap = Quantities.jvmBytes(m.group(1));
                    heapSources.add(e.source());
                }
            }
        }
        if (heap == null && env.get("JVM_MAXIMUM_MEMORY") != null && env.get("JVM_MAXIMUM_MEMORY").value() != null) {
            heap = Quantities.jvmBytes(env.get("JVM_MAXIMUM_MEMORY").value().trim());
            heapSources.add(env.get("JVM_MAXIMUM_MEMORY").source());
        }
        return Optional.ofNullable(heap);
    }

    /** Whether the product looks like Confluence (image or its properties). */
    boolean isConfluence() {
        return image().toLowerCase(Locale.ROOT).contains("confluence")
                || jvm.stream().anyMatch(s -> s.key().startsWith("confluence."));
    }
}
