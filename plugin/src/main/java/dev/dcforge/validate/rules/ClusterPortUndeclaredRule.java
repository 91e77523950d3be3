package dev.dcforge.validate.rules;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hazelcast, EhCache, aleph and other cluster ports configured through env vars, JVM arguments or properties files
 * must be container ports: service meshes (Istio) drop connections to undeclared ports, and NetworkPolicies
 * written against named ports miss them.
 */
public final class ClusterPortUndeclaredRule extends JavaRule {
    static final Pattern PORT_KEY = Pattern.compile("(?i).*(hazelcast|ehcache|aleph|cluster).*port.*");

    public ClusterPortUndeclaredRule() {
        super("atlassian-cluster-port-undeclared", Severity.ERROR, "atlassian",
                "Cluster port configured but not declared as a container port",
                "Atlassian DC nodes (and managed Synchrony) talk to each other on Hazelcast, EhCache and aleph ports set "
                        + "through env vars, JVM arguments (-D...port=) or properties files. A port missing from the "
                        + "container's ports is dropped by service meshes such as Istio and missed by NetworkPolicies, "
                        + "so the cluster silently splits.",
                "Add the port to the container's ports (the Atlassian charts: <product>.ports or additionalPorts) "
                        + "with a name such as hazelcast, ehcache or aleph.");
    }

    /** Every cluster port setting of a container: env vars, JVM -D properties and mounted .properties files. */
    static List<ContainerConfig.Setting> portSettings(ContainerConfig config) {
        List<ContainerConfig.Setting> out = new ArrayList<>();
        for (ContainerConfig.Env e : config.env.values()) {
            if (e.value() != null && PORT_KEY.matcher(e.name()).matches() && !ContainerConfig.JVM_ENV.contains(e.name())) {
                out.add(new ContainerConfig.Setting(e.name(), e.value(), e.source()));
            }
        }
        for (ContainerConfig.Setting s : config.jvm) {
            if (PORT_KEY.matcher(s.key()).matches()) {
                out.add(s);
            }
        }
        for (ContainerConfig.Setting s : config.properties) {
            if (PORT_KEY.matcher(s.key()).matches()) {
                out.add(s);
            }
        }
        return out.stream().filter(s -> s.asPort().isPresent()).toList();
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject w : set.workloads()) {
            Map<String, Integer> declared = Objects.containerPorts(w);
            Collection<Integer> numbers = declared.values();
            Set<String> reported = new LinkedHashSet<>();
            for (ContainerConfig config : ContainerConfig.of(set, w)) {
                for (ContainerConfig.Setting s : portSettings(config)) {
                    int port = s.asPort().orElseThrow();
                    if (!numbers.contains(port) && reported.add(s.key() + "=" + port)) {
                        sink.report(w, "container '" + config.name() + "': " + s.key() + "=" + port + " (from " + s.source()
                                + ") is not a container port; declared: " + describe(declared));
                    }
                }
            }
        }
    }

    static String describe(Map<String, Integer> ports) {
        if (ports.isEmpty()) {
            return "none";
        }
        List<String> parts = new ArrayList<>();
        ports.forEach((n, p) -> parts.add(n + " " + p));
        return String.join(", ", parts);
    }
}
