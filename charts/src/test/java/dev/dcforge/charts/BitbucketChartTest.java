package dev.dcforge.charts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

import static dev.dcforge.charts.Asserts.*;
import static dev.dcforge.charts.ChartSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Focused assertions on the Bitbucket chart. */
class BitbucketChartTest {

    private static final String SS = "unittest-bitbucket";

    private static List<JsonNode> renderCase(String name) {
        return parse(render("bitbucket", valuesDir("bitbucket").resolve(name + ".yaml")));
    }

    private static JsonNode bitbucket(List<JsonNode> docs) {
        return container(one(docs, "StatefulSet", SS), "bitbucket");
    }

    private static List<String> servicePorts(JsonNode service) {
        return service.path("spec").path("ports").findValuesAsText("name");
    }

    @Test
    void clusteringSetsTheHazelcastContractWithGroupCredentialsFromASecret() {
        List<JsonNode> docs = renderCase("clustered-ssh-lb");
        JsonNode c = bitbucket(docs);
        assertEquals("true", envValue(c, "HAZELCAST_NETWORK_KUBERNETES"));
        assertEquals("5701", envValue(c, "HAZELCAST_PORT"));
        assertEquals(SS + "-hazelcast", envValue(c, "HAZELCAST_KUBERNETES_SERVICE_NAME"));
        containsText(envValue(c, "HAZELCAST_GROUP_NAME"), "secretKeyRef", "bitbucket-hazelcast", "\"key\":\"name\"");
        containsText(envValue(c, "HAZELCAST_GROUP_PASSWORD"), "secretKeyRef", "bitbucket-hazelcast", "\"key\":\"password\"");
        // node name = pod name, expanded by the kubelet from the downward API
        containsText(envValue(c, "KUBE_POD_NAME"), "metadata.name");
        assertEquals("-Dcluster.node.name=$(KUBE_POD_NAME)", envValue(c, "JAVA_OPTS"));
        assertTrue(envNames(c).indexOf("KUBE_POD_NAME") < envNames(c).indexOf("JAVA_OPTS"), "$(KUBE_POD_NAME) only expands when defined earlier");
        noDuplicates(envNames(c), "Bitbucket env");
        assertEquals(List.of(7990, 7999, 5701), containerPorts(c));
        // discovery RBAC: namespace Role with get/list on pods and endpoints only
        JsonNode role = one(docs, "Role", SS);
        assertEquals("[\"pods\",\"endpoints\"]", role.path("rules").get(0).path("resources").toString());
        assertEquals("[\"get\",\"list\"]", role.path("rules").get(0).path("verbs").toString());
    }

    @Test
    void dedicatedHazelcastServiceKeepsHazelcastAndSshOffTheHttpService() {
        List<JsonNode> docs = renderCase("clustered-ssh-lb");
        assertEquals(List.of("http"), servicePorts(one(docs, "Service", SS)));
        JsonNode hz = one(docs, "Service", SS + "-hazelcast");
        assertEquals("None", hz.path("spec").path("clusterIP").asText());
        assertTrue(hz.path("spec").path("publishNotReadyAddresses").asBoolean());
        assertEquals(List.of("hazelcast"), servicePorts(hz));
        assertEquals(SS + "-hazelcast", one(docs, "StatefulSet", SS).path("spec").path("serviceName").asText());
    }

    @Test
    void withoutTheDedicatedServiceHazelcastRidesOnTheHttpService() {
        List<JsonNode> docs = renderCase("istio");
        assertEquals(List.of("http", "hazelcast"), servicePorts(one(docs, "Service", SS)));
        assertTrue(ofKind(docs, "Service").stream().noneMatch(s -> s.path("metadata").path("name").asText().endsWith("-hazelcast")));
        assertEquals(SS, envValue(bitbucket(docs), "HAZELCAST_KUBERNETES_SERVICE_NAME"));
    }

    @Test
    void sshHasItsOwnLoadBalancerAndCloneUrlsUseItsHostAndExposedPort() {
        List<JsonNode> docs = renderCase("clustered-ssh-lb");
        JsonNode ssh = one(docs, "Service", SS + "-ssh");
        assertEquals("LoadBalancer", ssh.path("spec").path("type").asText());
        assertEquals(22, ssh.path("spec").path("ports").get(0).path("port").asInt());
        assertEquals("ssh", ssh.path("spec").path("ports").get(0).path("targetPort").asText());
        assertEquals("[\"203.0.113.0/24\"]", ssh.path("spec").path("loadBalancerSourceRanges").toString());
        assertEquals("Local", ssh.path("spec").path("externalTrafficPolicy").asText());
        JsonNode c = bitbucket(docs);
        assertEquals("ssh://ssh.bitbucket.example.com/", envValue(c, "PLUGIN_SSH_BASEURL"), "port 22 is implied");
        assertEquals("7999", envValue(c, "PLUGIN_SSH_PORT"), "the port Bitbucket listens on = the container port the Service targets");
    }

    @Test
    void nonStandardExposedSshPortAppearsInCloneUrlsWithTheIngressHost() {
        List<JsonNode> docs = parse(renderInline("bitbucket", """
                ingress:
                  host: git.example.com
                bitbucket:
                  sshService:
                    enabled: true
                    port: 2222
                """));
        assertEquals("ssh://git.example.com:2222/", envValue(bitbucket(docs), "PLUGIN_SSH_BASEURL"));
        assertEquals(2222, one(docs, "Service", SS + "-ssh").path("spec").path("ports").get(0).path("port").asInt());
    }

    @Test
    void sshServiceWithoutAnyHostIsRefused() {
        renderFails("bitbucket", "bitbucket:\n  sshService:\n    enabled: true\n",
                "bitbucket.sshService.host or ingress.host", "PLUGIN_SSH_BASEURL");
    }

    @Test
    void userEnvironmentReplacesTheChartEntryInsteadOfDuplicatingIt() {
        JsonNode c = bitbucket(renderCase("istio"));
        noDuplicates(envNames(c), "Bitbucket env");
        assertEquals("ssh://git-ssh.example.com:7999/", envValue(c, "PLUGIN_SSH_BASEURL"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"clustered-ssh-lb", "istio", "gateway-api"})
    void sshNeverGoesThroughTheHttpIngress(String valuesCase) {
        List<JsonNode> docs = renderCase(valuesCase);
        List<JsonNode> routing = new ArrayList<>();
        for (String kind : List.of("Ingress", "VirtualService", "HTTPRoute")) {
            routing.addAll(ofKind(docs, kind));
        }
        assertFalse(routing.isEmpty(), "the case should expose HTTP");
        for (JsonNode r : routing) {
            String text = r.path("spec").toString();
            lacksText(text, SS + "-ssh", "7999", "\"port\":22");
            containsText(text, "80");
        }
    }

    @Test
    void singleNodeDefaultsKeepSshInClusterAndNeedNoSharedVolumeOrRbac() {
        List<JsonNode> docs = renderCase("defaults");
        assertEquals(List.of("http", "ssh"), servicePorts(one(docs, "Service", SS)));
        assertTrue(ofKind(docs, "Role").isEmpty());
        JsonNode c = bitbucket(docs);
        assertFalse(mountPaths(c).contains("/var/atlassian/application-data/shared-home"), "without a shared volume Bitbucket keeps it in local home");
        assertFalse(envNames(c).contains("HAZELCAST_NETWORK_KUBERNETES"));
        assertFalse(envNames(c).contains("PLUGIN_SSH_BASEURL"));
        assertEquals("/status", c.path("readinessProbe").path("httpGet").path("path").asText());
    }

    @Test
    void externalOpenSearchWithCredentialsFromASecret() {
        JsonNode c = bitbucket(renderCase("clustered-ssh-lb"));
        assertEquals("false", envValue(c, "SEARCH_ENABLED"));
        assertEquals("https://search.example.com", envValue(c, "PLUGIN_SEARCH_CONFIG_BASEURL"));
        containsText(envValue(c, "PLUGIN_SEARCH_CONFIG_USERNAME"), "bitbucket-opensearch", "username");
        containsText(envValue(c, "PLUGIN_SEARCH_CONFIG_PASSWORD"), "bitbucket-opensearch", "password");
        renderFails("bitbucket", "opensearch:\n  install: true\n", "does not bundle a search cluster", "opensearch.baseUrl");
    }

    @Test
    void clusterRequirementsAreEnforced() {
        renderFails("bitbucket", "replicaCount: 2\n", "bitbucket.clustering.enabled is false");
        renderFails("bitbucket", "bitbucket:\n  clustering:\n    enabled: true\n", "bitbucket.clustering.group.secretName");
        renderFails("bitbucket", """
                replicaCount: 2
                bitbucket:
                  clustering:
                    enabled: true
                    group:
                      secretName: hz
                """, "no shared home");
    }

    @Test
    void networkPolicyAllowsExactlyHttpSshAndHazelcastBetweenOwnPods() {
        JsonNode np = one(renderCase("clustered-ssh-lb"), "NetworkPolicy", SS);
        JsonNode ingress = np.path("spec").path("ingress");
        assertEquals(3, ingress.size());
        assertEquals(List.of("7990"), ingress.get(0).path("ports").findValuesAsText("port"));
        assertEquals("ingress-nginx", ingress.get(0).path("from").get(0).path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
        assertEquals(List.of("5701"), ingress.get(1).path("ports").findValuesAsText("port"));
        assertEquals("bitbucket", ingress.get(1).path("from").get(0).path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
        assertEquals(List.of("7999"), ingress.get(2).path("ports").findValuesAsText("port"));
        assertEquals("203.0.113.0/24", ingress.get(2).path("from").get(0).path("ipBlock").path("cidr").asText(), "SSH peers follow the LB source ranges");
        String egress = np.path("spec").path("egress").toString();
        containsText(egress, "\"port\":53", "\"port\":5432", "10.20.0.0/16", "\"port\":443", "\"port\":6443", "\"port\":5701");
    }

    @Test
    void networkPolicySshPeersCanBeNarrowed() {
        JsonNode ingress = one(renderCase("gateway-api"), "NetworkPolicy", SS).path("spec").path("ingress");
        assertEquals(2, ingress.size(), "single node: HTTP and SSH only, no Hazelcast");
        assertEquals("ci", ingress.get(1).path("from").get(0).path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText());
    }

    @Test
    void securityDefaultsUseBitbucketUid() {
        JsonNode spec = one(renderCase("defaults"), "StatefulSet", SS).path("spec").path("template").path("spec");
        assertEquals(2003, spec.path("securityContext").path("runAsUser").asInt());
        assertEquals(2003, spec.path("securityContext").path("runAsGroup").asInt());
        assertEquals(2003, spec.path("securityContext").path("fsGroup").asInt());
        assertTrue(spec.path("securityContext").path("runAsNonRoot").asBoolean());
        JsonNode c = spec.path("containers").get(0).path("securityContext");
        assertFalse(c.path("allowPrivilegeEscalation").asBoolean(true));
        assertEquals("[\"ALL\"]", c.path("capabilities").path("drop").toString());
        assertTrue(spec.path("initContainers").isMissingNode(), "no root init container unless opted in");
    }

    @Test
    void staticNfsVolumeIsBoundByName() {
        List<JsonNode> docs = renderCase("istio");
        JsonNode pv = one(docs, "PersistentVolume", SS + "-shared-home-pv");
        assertEquals("nfs.example.com", pv.path("spec").path("nfs").path("server").asText());
        assertEquals(SS + "-shared-home-pv", one(docs, "PersistentVolumeClaim", SS + "-shared-home").path("spec").path("volumeName").asText());
        containsText(container(one(docs, "StatefulSet", SS), "nfs-permission-fixer").path("command").toString(), "chgrp 2003");
    }
}
