package dev.dcforge.charts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.Finding;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ValidationResult;
import dev.dcforge.validate.Validator;
import dev.dcforge.validate.rules.BuiltInRules;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.dcforge.charts.Asserts.*;
import static dev.dcforge.charts.ChartSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Focused assertions on the Confluence chart, one feature per test. */
class ConfluenceChartTest {

    private static final String SS = "unittest-confluence";

    private static List<JsonNode> renderCase(String name) {
        return parse(render("confluence", valuesDir("confluence").resolve(name + ".yaml")));
    }

    private static String jvmArgs(List<JsonNode> docs) {
        return one(docs, "ConfigMap", SS + "-jvm-config").path("data").path("additional_jvm_args").asText();
    }

    private static String at(JsonNode node, String... path) {
        JsonNode n = node;
        for (String p : path) {
            n = p.matches("\\d+") ? n.path(Integer.parseInt(p)) : n.path(p);
        }
        return n.isValueNode() ? n.asText() : n.toString();
    }

    private static List<String> ports(JsonNode portList) {
        return portList.findValuesAsText("port");
    }

    @Test
    void managedSynchronyDeclaresAllPortsAndBuildsJvmArgsInOnePlace() {
        List<JsonNode> docs = renderCase("managed");
        JsonNode confluence = container(one(docs, "StatefulSet", SS), "confluence");

        containsAll(containerPorts(confluence), 8090, 5801, 5701, 25500);
        String args = jvmArgs(docs);
        containsText(args, "-Dsynchrony.proxy.enabled=true", "-Dconfluence.cluster.hazelcast.listenPort=5801",
                "-Dhazelcast.kubernetes.service-port=5801", "-Dconfluence.cluster.authentication.enabled=false");
        lacksText(args, "synchrony.btf.disabled");
        assertEquals("5801", envValue(confluence, "HAZELCAST_KUBERNETES_SERVICE_PORT"));
        assertEquals(1, ofKind(docs, "StatefulSet").size(), "managed mode runs no Synchrony StatefulSet");
    }

    @Test
    void managedSynchronyHasNoDuplicatedEnvVarInAnyContainer() {
        for (String values : List.of("managed", "gateway-api")) {
            for (JsonNode ss : ofKind(renderCase(values), "StatefulSet")) {
                for (String list : List.of("containers", "initContainers")) {
                    for (JsonNode c : ss.path("spec").path("template").path("spec").path(list)) {
                        List<String> names = envNames(c);
                        noDuplicates(names, "env of " + c.path("name").asText() + " with " + values);
                        if (c.path("name").asText().equals("confluence")) {
                            assertEquals(1, names.stream().filter("JVM_SUPPORT_RECOMMENDED_ARGS"::equals).count());
                        }
                    }
                }
            }
        }
    }

    @Test
    void managedSynchronyArgsBindToThePodIpAtStartup() {
        List<JsonNode> docs = renderCase("managed");
        String properties = at(one(docs, "ConfigMap", SS + "-synchrony-args"), "data", "synchrony-args.properties");
        containsText(properties, "hazelcast.kubernetes.service-port=5701", "cluster.interfaces=@POD_IP@");
        lacksText(properties, "10.*");

        JsonNode init = container(one(docs, "StatefulSet", SS), "synchrony-args");
        assertEquals("status.podIP", at(init, "env", "0", "valueFrom", "fieldRef", "fieldPath"));
        containsText(init.path("command").toString(), "@POD_IP@", "${POD_IP}",
                "/var/atlassian/application-data/confluence/synchrony-args.properties");
        assertEquals("false", at(init, "securityContext", "allowPrivilegeEscalation"));
        containsAll(mountPaths(init), "/var/atlassian/application-data/confluence");
    }

    @Test
    void managedSynchronyWebsocketPathGoesThroughConfluenceWithLongTimeouts() {
        JsonNode ws = one(renderCase("managed"), "Ingress", SS + "-websocket");
        assertEquals("3600", at(ws, "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-read-timeout"));
        assertEquals("3600", at(ws, "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-send-timeout"));
        assertEquals("/confluence/synchrony-proxy", at(ws, "spec", "rules", "0", "http", "paths", "0", "path"));
        assertEquals(SS, at(ws, "spec", "rules", "0", "http", "paths", "0", "backend", "service", "name"));
    }

    @Test
    void managedSynchronyHazelcastPortCollisionIsRefused() {
        renderFails("confluence", """
                confluence:
                  clustering: {enabled: true}
                  ports: {hazelcast: 5701}
                  resources: {container: {requests: {memory: 8Gi}}}
                synchrony: {mode: managed}
                """, "need different ports");
    }

    @Test
    void memoryBelowHeapPlusOverheadIsRefused() {
        renderFails("confluence", """
                confluence:
                  resources:
                    jvm: {maxHeap: 4g}
                    container: {limits: {memory: 4Gi}}
                """, "memory limits 4Gi", "max heap 4g + code cache 256m + non-heap overhead 512m");
        // Managed Synchrony's heap counts too: the default 2G request cannot hold both JVMs.
        renderFails("confluence", """
                confluence: {clustering: {enabled: true}}
                synchrony: {mode: managed}
                """, "managed Synchrony heap 2g");
    }

    @Test
    void standaloneSynchronyHasItsOwnWorkloadServiceAndIngressPath() {
        List<JsonNode> docs = renderCase("standalone");
        JsonNode synchrony = one(docs, "StatefulSet", SS + "-synchrony");
        JsonNode c = container(synchrony, "synchrony");
        assertEquals(List.of(8091, 5701, 25500), containerPorts(c));
        containsText(at(one(docs, "ConfigMap", SS + "-synchrony-entrypoint"), "data", "start-synchrony.sh"), "-Dcluster.join.type=tcpip",
                "-Dcluster.join.tcpip.members=" + SS + "-synchrony-0." + SS + "-synchrony-cluster.atl.svc.cluster.local");
        containsText(envValue(c, "SYNCHRONY_BIND"), "status.podIP");
        assertEquals("confluence-synchrony", at(synchrony, "spec", "selector", "matchLabels", "app.kubernetes.io/name"));
        assertEquals("http", at(one(docs, "Service", SS + "-synchrony"), "spec", "ports", "0", "targetPort"));
        containsText(jvmArgs(docs), "-Dsynchrony.service.url=https://confluence.example.com/synchrony/v1");
        lacksText(jvmArgs(docs), "synchrony.proxy.enabled");
        JsonNode ws = one(docs, "Ingress", SS + "-websocket");
        assertEquals("/synchrony", at(ws, "spec", "rules", "0", "http", "paths", "0", "path"));
        assertEquals(SS + "-synchrony", at(ws, "spec", "rules", "0", "http", "paths", "0", "backend", "service", "name"));
        assertEquals("confluence-tls", at(ws, "spec", "tls", "0", "secretName"));
    }

    @Test
    void officialSynchronyEnabledMeansStandalone() {
        List<String> names = ofKind(parse(renderInline("confluence", "synchrony: {enabled: true}\n")), "StatefulSet").stream()
                .map(d -> d.path("metadata").path("name").asText()).sorted().toList();
        assertEquals(List.of(SS, SS + "-synchrony"), names);
    }

    @Test
    void disabledSynchronyTurnsCollaborativeEditingOff() {
        List<JsonNode> docs = renderCase("defaults");
        containsText(jvmArgs(docs), "-Dsynchrony.btf.disabled=true", "-Dconfluence.cluster.hazelcast.listenPort=5701");
        assertEquals(1, ofKind(docs, "StatefulSet").size());
    }

    @Test
    void clusteringSetsHazelcastKubernetesDiscoveryContract() {
        List<JsonNode> docs = renderCase("standalone");
        JsonNode c = container(one(docs, "StatefulSet", SS), "confluence");
        containsAll(envNames(c), "KUBERNETES_NAMESPACE", "HAZELCAST_KUBERNETES_SERVICE_NAME",
                "HAZELCAST_KUBERNETES_SERVICE_PORT", "ATL_CLUSTER_TYPE", "ATL_CLUSTER_NAME");
        containsText(envValue(c, "KUBERNETES_NAMESPACE"), "metadata.namespace");
        assertEquals(SS + "-cluster", envValue(c, "HAZELCAST_KUBERNETES_SERVICE_NAME"));
        assertEquals("kubernetes", envValue(c, "ATL_CLUSTER_TYPE"));
        containsText(jvmArgs(docs), "-Dconfluence.clusterNodeName.useHostname=true");
        JsonNode headless = one(docs, "Service", SS + "-cluster");
        assertEquals("None", at(headless, "spec", "clusterIP"));
        assertEquals("true", at(headless, "spec", "publishNotReadyAddresses"));
        assertEquals(List.of("80"), ports(one(docs, "Service", SS).path("spec").path("ports")), "HTTP Service carries no cluster port");
    }

    @Test
    void discoveryRoleIsNamespaceScopedAndMinimal() {
        List<JsonNode> docs = renderCase("standalone");
        assertTrue(ofKind(docs, "ClusterRole").isEmpty());
        assertTrue(ofKind(docs, "ClusterRoleBinding").isEmpty());
        JsonNode rules = one(docs, "Role", SS).path("rules");
        assertEquals(1, rules.size());
        assertEquals("[\"pods\",\"endpoints\"]", rules.get(0).path("resources").toString());
        assertEquals("[\"get\",\"list\"]", rules.get(0).path("verbs").toString());
        assertEquals(SS, at(one(docs, "RoleBinding", SS), "subjects", "0", "name"));
        assertTrue(ofKind(renderCase("defaults"), "Role").isEmpty(), "no Role without clustering");
    }

    @Test
    void securityDefaultsAreRestricted() {
        JsonNode ss = one(renderCase("defaults"), "StatefulSet", SS);
        JsonNode pod = ss.path("spec").path("template").path("spec").path("securityContext");
        assertTrue(pod.path("runAsNonRoot").asBoolean());
        assertEquals(2002, pod.path("runAsUser").asInt());
        assertEquals(2002, pod.path("runAsGroup").asInt());
        assertEquals(2002, pod.path("fsGroup").asInt());
        assertEquals("RuntimeDefault", at(pod, "seccompProfile", "type"));
        JsonNode c = container(ss, "confluence").path("securityContext");
        assertEquals("false", at(c, "allowPrivilegeEscalation"));
        assertEquals("[\"ALL\"]", c.path("capabilities").path("drop").toString());
        assertFalse(ss.path("spec").path("template").path("spec").has("initContainers"), "root NFS fixer is opt-in");
        JsonNode fixer = container(one(parse(renderInline("confluence",
                "volumes: {sharedHome: {nfsPermissionFixer: {enabled: true}}}\n")), "StatefulSet", SS), "nfs-permission-fixer");
        assertEquals(0, fixer.path("securityContext").path("runAsUser").asInt(-1));
        containsText(fixer.path("command").toString(), "chgrp 2002");
    }

    @Test
    void localHomeIsPerPodAndSharedHomeIsReadWriteMany() {
        List<JsonNode> docs = renderCase("standalone");
        assertEquals("local-home", at(one(docs, "StatefulSet", SS), "spec", "volumeClaimTemplates", "0", "metadata", "name"));
        containsText(one(docs, "PersistentVolumeClaim", SS + "-shared-home").path("spec").path("accessModes").toString(), "ReadWriteMany");
        renderFails("confluence", "replicaCount: 2\nconfluence: {clustering: {enabled: true}}\n", "shared home is an emptyDir");
        renderFails("confluence", "replicaCount: 2\n", "clustering.enabled is false");
    }

    @Test
    void networkPolicyAllowsOnlyTheClusterPortsBetweenOwnPods() {
        JsonNode np = one(renderCase("managed"), "NetworkPolicy", SS);
        assertEquals("[\"Ingress\",\"Egress\"]", np.path("spec").path("policyTypes").toString());
        JsonNode ingress = np.path("spec").path("ingress");
        assertEquals(List.of("8090"), ports(ingress.get(0).path("ports")));
        assertTrue(ingress.get(0).path("from").get(0).has("namespaceSelector"));
        assertEquals(List.of("5801", "5701", "25500"), ports(ingress.get(1).path("ports")));
        assertEquals("confluence", at(ingress.get(1), "from", "0", "podSelector", "matchLabels", "app.kubernetes.io/name"));
        JsonNode egress = np.path("spec").path("egress");
        assertEquals(List.of("53", "53"), ports(egress.get(0).path("ports")));
        containsText(egress.toString(), "\"port\":5432", "\"kubernetes.io/metadata.name\":\"db\"");

        JsonNode snp = one(renderCase("standalone"), "NetworkPolicy", SS + "-synchrony");
        assertEquals(List.of("5701", "25500"), ports(snp.path("spec").path("ingress").get(1).path("ports")));
        assertEquals("confluence", at(snp, "spec", "ingress", "2", "from", "0", "podSelector", "matchLabels", "app.kubernetes.io/name"));
    }

    @Test
    void nginxIngressIsStickyAndRefusesOtherAffinityForSeveralNodes() {
        JsonNode ingress = one(renderCase("standalone"), "Ingress", SS);
        assertEquals("cookie", at(ingress, "metadata", "annotations", "nginx.ingress.kubernetes.io/affinity"));
        assertEquals("60", at(ingress, "metadata", "annotations", "nginx.ingress.kubernetes.io/proxy-read-timeout"));
        assertEquals("nginx", at(ingress, "spec", "ingressClassName"));
        renderFails("confluence", """
                replicaCount: 2
                confluence: {clustering: {enabled: true}}
                volumes: {sharedHome: {persistentVolumeClaim: {create: true}}}
                ingress:
                  create: true
                  annotations: {nginx.ingress.kubernetes.io/affinity: none}
                """, "sticky sessions");
    }

    @Test
    void istioRoutesWithCookieConsistentHash() {
        List<JsonNode> docs = renderCase("istio");
        assertEquals("wiki-tls", at(one(docs, "Gateway", SS), "spec", "servers", "0", "tls", "credentialName"));
        JsonNode http = one(docs, "VirtualService", SS).path("spec").path("http");
        assertEquals("/synchrony", at(http, "0", "match", "0", "uri", "prefix"));
        assertEquals("0s", at(http, "0", "timeout"));
        assertEquals(SS + ".atl.svc.cluster.local", at(http, "1", "route", "0", "destination", "host"));
        for (String svc : List.of(SS, SS + "-synchrony")) {
            assertEquals("ATLROUTE", at(one(docs, "DestinationRule", svc),
                    "spec", "trafficPolicy", "loadBalancer", "consistentHash", "httpCookie", "name"));
        }
        assertTrue(ofKind(docs, "Ingress").isEmpty());
    }

    @Test
    void gatewayApiHttpRouteWithSessionPersistence() {
        JsonNode route = one(renderCase("gateway-api"), "HTTPRoute", SS);
        assertEquals("shared-gateway", at(route, "spec", "parentRefs", "0", "name"));
        JsonNode rules = route.path("spec").path("rules");
        assertEquals(2, rules.size());
        assertEquals("Cookie", at(rules, "0", "sessionPersistence", "type"));
        assertEquals("/synchrony-proxy", at(rules, "1", "matches", "0", "path", "value"));
        assertEquals("0s", at(rules, "1", "timeouts", "request"));
    }

    @Test
    void userExtrasArePassedThrough() {
        List<JsonNode> docs = renderCase("gateway-api");
        JsonNode ss = one(docs, "StatefulSet", SS);
        JsonNode spec = ss.path("spec").path("template").path("spec");
        JsonNode c = container(ss, "confluence");
        containsAll(containerPorts(c), 5555);
        containsAll(envNames(c), "ATL_AUTOLOGIN_COOKIE_AGE");
        containsAll(mountPaths(c), "/var/atlassian/application-data/confluence/hello.properties");
        containsText(at(one(docs, "ConfigMap", SS + "-extra-config"), "data", "hello.properties"), "foo=bar");
        assertEquals("busybox:1.37", at(container(ss, "wait-for-db"), "image"));
        assertEquals("fluent/fluent-bit:3.2", at(container(ss, "log-shipper"), "image"));
        assertEquals("atlassian-high", at(spec, "priorityClassName"));
        assertEquals("atlassian", at(spec, "nodeSelector", "node-role"));
        assertEquals("dedicated", at(spec, "tolerations", "0", "key"));
        assertTrue(spec.path("affinity").path("podAntiAffinity").has("requiredDuringSchedulingIgnoredDuringExecution"));
        assertEquals("wiki", at(ss, "spec", "template", "metadata", "labels", "team"));
        assertTrue(c.has("startupProbe") && c.has("livenessProbe"));
        containsText(jvmArgs(docs), "-XX:ActiveProcessorCount=2");
    }

    @Test
    void placementPresetsAndPdb() {
        List<JsonNode> docs = renderCase("managed");
        JsonNode spec = one(docs, "StatefulSet", SS).path("spec").path("template").path("spec");
        assertTrue(spec.path("affinity").path("podAntiAffinity").has("preferredDuringSchedulingIgnoredDuringExecution"));
        assertEquals("topology.kubernetes.io/zone", at(spec, "topologySpreadConstraints", "0", "topologyKey"));
        JsonNode pdb = one(docs, "PodDisruptionBudget", SS);
        assertEquals(2, pdb.path("spec").path("minAvailable").asInt());
        assertEquals("confluence", at(pdb, "spec", "selector", "matchLabels", "app.kubernetes.io/name"));
    }

    @Test
    void unknownValuesKeysAreRejectedBySchema() {
        renderFails("confluence", "confluence: {clusterng: {enabled: true}}\n", "clusterng");
        renderFails("confluence", "synchrony: {mode: embedded}\n", "mode");
    }

    @Test
    void seed003OverridesStillRenderSoTheValidatorCanReportThem() {
        Path seed = OfficialCompatibilityTest.sharedDir().resolve("fixtures/seed-003/overrides.yaml");
        Assumptions.assumeTrue(Files.isRegularFile(seed),
                "skipped: " + seed + " is absent (../shared/fixtures only exists inside the dcforge workspace)");
        JsonNode c = container(one(parse(render("confluence", seed)), "StatefulSet", SS), "confluence");
        // Seed 003's hack: a second JVM_SUPPORT_RECOMMENDED_ARGS that silently replaces the chart's one.
        assertEquals(2, envNames(c).stream().filter("JVM_SUPPORT_RECOMMENDED_ARGS"::equals).count());
        containsAll(containerPorts(c), 5801, 5701, 25500);
    }

    @Test
    void seed003OverridesOnOurChartAreFlaggedByTheGate(@TempDir Path tmp) throws IOException {
        Path seed = OfficialCompatibilityTest.sharedDir().resolve("fixtures/seed-003/overrides.yaml");
        Assumptions.assumeTrue(Files.isRegularFile(seed),
                "skipped: " + seed + " is absent (../shared/fixtures only exists inside the dcforge workspace)");
        Path manifest = Files.writeString(tmp.resolve("confluence.yaml"), render("confluence", seed));
        ValidationResult result = new Validator(BuiltInRules.all(), tmp).validate(List.of(new Validator.Input(
                new ChartTarget("seed-003", "confluence"), manifest, chart("confluence"), NAMESPACE, KUBE_VERSION)));
        List<Finding> duplicates = result.findings().stream().filter(f -> f.rule().equals("duplicate-env-var")).toList();
        assertEquals(1, duplicates.size(), duplicates.toString());
        assertEquals(Severity.ERROR, duplicates.get(0).severity());
        // says what is lost: the chart's own JVM arguments, replaced by the seed's hand-written line
        containsText(duplicates.get(0).message(), "sets env JVM_SUPPORT_RECOMMENDED_ARGS twice", "keeps the last value",
                "-Dsynchrony.proxy.enabled=true", "and loses");
        List<Finding> plaintext = result.findings().stream().filter(f -> f.rule().equals("plaintext-secret-in-env")).toList();
        containsText(plaintext.toString(), "ATL_JDBC_PASSWORD", "ATL_LICENSE_KEY");
        assertTrue(plaintext.stream().allMatch(f -> f.severity() == Severity.ERROR));
        lacksText(plaintext.toString(), "<timebomb license>");
        assertEquals("confluence/templates/statefulset.yaml", duplicates.get(0).file().replace('\\', '/')
                .replaceFirst("^.*?(confluence/templates/)", "$1"));
    }
}
