package dev.dcforge.validate.rules;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster port a product listens on must match the container port the chart declares under that name, and a
 * port property must not be set twice with different values in the JVM arguments (the last one silently wins).
 */
public final class ClusterPortMismatchRule extends JavaRule {
    /** Listen-port settings of the products and the container port name the Atlassian charts give them. */
    static final Map<String, String> LISTEN_KEYS = Map.of(
            "confluence.cluster.hazelcast.listenPort", "hazelcast",
            "hazelcast.port", "hazelcast",
            "hazelcast.network.port", "hazelcast",
            "ehcache.listener.port", "ehcache",
            "EHCACHE_LISTENER_PORT", "ehcache",
            "ehcache.object.port", "ehcacheobject",
            "EHCACHE_OBJECT_PORT", "ehcacheobject");

    public ClusterPortMismatchRule() {
        super("atlassian-cluster-port-mismatch", Severity.ERROR, "atlassian", "Cluster port settings disagree",
                "When the port the product listens on (for example confluence.cluster.hazelcast.listenPort) differs from the "
                        + "container port of the same name, the Service, NetworkPolicies and peers target a port nobody "
                        + "listens on; when a JVM argument sets the same port twice, the JVM keeps the last and the first is lost.",
                "Set each cluster port once, through the chart's port value (<product>.ports.hazelcast, ports.ehcache), so "
                        + "that the container port and the JVM argument come from the same value.");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject w : set.workloads()) {
            Map<String, Integer> declared = Objects.containerPorts(w);
            for (ContainerConfig config : ContainerConfig.of(set, w)) {
                Map<String, ContainerConfig.Setting> first = new LinkedHashMap<>();
                for (ContainerConfig.Setting s : config.jvm) {
                    if (!ClusterPortUndeclaredRule.PORT_KEY.matcher(s.key()).matches()) {
                        continue;
                    }
                    ContainerConfig.Setting earlier = first.putIfAbsent(s.key(), s);
                    if (earlier != null && !earlier.value().equals(s.value())) {
                        sink.report(w, "container '" + config.name() + "': -D" + s.key() + " is " + earlier.value() + " in "
                                + earlier.source() + " and " + s.value() + " in " + s.source() + "; the JVM keeps " + s.value());
                    }
                }
                for (Map.Entry<String, String> key : LISTEN_KEYS.entrySet()) {
                    Integer port = declared.get(key.getValue());
                    Optional<ContainerConfig.Setting> setting = config.jvmProperty(key.getKey());
                    if (setting.isEmpty() && config.env.containsKey(key.getKey()) && config.env.get(key.getKey()).value() != null) {
                        ContainerConfig.Env e = config.env.get(key.getKey());
                        setting = Optional.of(new ContainerConfig.Setting(e.name(), e.value(), e.source()));
                    }
                    if (port == null || setting.isEmpty() || setting.get().asPort().isEmpty()) {
                        continue;
                    }
                    int configured = setting.get().asPort().get();
                    if (configured != port) {
                        sink.report(w, "container '" + config.name() + "': the product listens on " + key.getKey() + "="
                                + configured + " (from " + setting.get().source() + ") but the container port '"
                                + key.getValue() + "' is " + port);
                    }
                }
            }
        }
    }
}
