package dev.dcforge.validate.rules;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

import java.util.Optional;

/**
 * Confluence with managed Synchrony runs two Hazelcast members in one pod: Confluence's and Synchrony's. They must
 * listen on different ports, and Synchrony must discover its peers on the port it listens on (it inherits
 * hazelcast.kubernetes.service-port from Confluence's JVM arguments unless synchrony-args.properties overrides it).
 */
public final class HazelcastPortCollisionRule extends JavaRule {
    static final int CONFLUENCE_DEFAULT = 5801;
    static final int SYNCHRONY_DEFAULT = 5701;

    public HazelcastPortCollisionRule() {
        super("atlassian-hazelcast-port-collision", Severity.ERROR, "atlassian",
                "Confluence and managed Synchrony Hazelcast ports collide",
                "With managed Synchrony, Confluence and Synchrony each start a Hazelcast member in the same pod. If both use "
                        + "one port, the second fails to bind or joins the other's cluster; if Synchrony looks for peers on "
                        + "Confluence's port (hazelcast.kubernetes.service-port inherited from the JVM arguments), "
                        + "collaborative editing never forms a cluster.",
                "Give Confluence its own Hazelcast port (confluence.ports.hazelcast, e.g. 5801) and set Synchrony's in "
                        + "synchrony-args.properties (hazelcast.kubernetes.service-port and cluster.listen.port, e.g. 5701), "
                        + "both declared as container ports.");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject w : set.workloads()) {
            for (ContainerConfig c : ContainerConfig.of(set, w)) {
                boolean managedSynchrony = c.jvmProperty("synchrony.proxy.enabled").map(s -> s.value().equals("true")).orElse(false)
                        || c.properties.stream().anyMatch(s -> s.source().contains("synchrony-args.properties"));
                if (!c.isConfluence() || !managedSynchrony) {
                    continue;
                }
                Optional<ContainerConfig.Setting> conf = c.jvmProperty("confluence.cluster.hazelcast.listenPort");
                int confluencePort = conf.flatMap(ContainerConfig.Setting::asPort).orElse(CONFLUENCE_DEFAULT);
                Optional<ContainerConfig.Setting> listen = synchrony(c, "cluster.listen.port");
                int synchronyPort = listen.flatMap(ContainerConfig.Setting::asPort).orElse(SYNCHRONY_DEFAULT);
                String confFrom = conf.map(s -> "from " + s.source()).orElse("Confluence's default");
                String synFrom = listen.map(s -> "from " + s.source()).orElse("Synchrony's default");
                if (confluencePort == synchronyPort) {
                    sink.report(w, "container '" + c.name() + "': Confluence Hazelcast (" + confluencePort + ", " + confFrom
                            + ") and managed Synchrony Hazelcast (" + synchronyPort + ", " + synFrom + ") use the same port");
                }
                Optional<ContainerConfig.Setting> discovery = synchrony(c, "hazelcast.kubernetes.service-port");
                if (discovery.flatMap(ContainerConfig.Setting::asPort).isPresent()
                        && discovery.get().asPort().get() != synchronyPort) {
                    sink.report(w, "container '" + c.name() + "': managed Synchrony looks for its peers on "
                            + discovery.get().asPort().get() + " (hazelcast.kubernetes.service-port from " + discovery.get().source()
                            + ") but listens on " + synchronyPort + " (" + synFrom + ")");
                }
            }
        }
    }

    /** Synchrony reads synchrony-args.properties first; otherwise it inherits the JVM's system properties. */
    private static Optional<ContainerConfig.Setting> synchrony(ContainerConfig c, String key) {
        Optional<ContainerConfig.Setting> fromFile = c.properties.stream()
                .filter(s -> s.source().contains("synchrony-args.properties") && s.key().equals(key)).reduce((a, b) -> b);
        return fromFile.isPresent() ? fromFile : c.jvmProperty(key);
    }
}
