package dev.dcforge.charts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dcforge.charts.Asserts.*;
import static dev.dcforge.charts.ChartSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Focused assertions on the Jira chart. */
class JiraChartTest {

    private static final String SS = "unittest-jira";

    private static List<JsonNode> renderCase(String name) {
        return parse(render("jira", valuesDir("jira").resolve(name + ".yaml")));
    }

    @Test
    void clusteringDeclaresEhCachePortsAndSetsTheNodeContract() {
        List<JsonNode> docs = renderCase("clustered");
        JsonNode c = container(one(docs, "StatefulSet", SS), "jira");
        assertEquals(List.of(8080, 40001, 40011), containerPorts(c));
        assertEquals("true", envValue(c, "CLUSTERED"));
        containsText(envValue(c, "JIRA_NODE_ID"), "metadata.name");
        containsText(envValue(c, "EHCACHE_LISTENER_HOSTNAME"), "status.podIP");
        assertEquals("40001", envValue(c, "EHCACHE_LISTENER_PORT"));
        assertEquals("40011", envValue(c, "EHCACHE_OBJECT_PORT"));
        assertEquals("org.postgresql.Driver", envValue(c, "ATL_DB_DRIVER"));
        containsText(envValue(c, "ATL_JDBC_PASSWORD"), "secretKeyRef", "jira-db");
        noDuplicates(envNames(c), "Jira env");
        JsonNode headless = one(docs, "Service", SS + "-cluster");
        assertEquals("None", headless.path("spec").path("clusterIP").asText());
        assertEquals(List.of("40001", "40011"), headless.path("spec").path("ports").findValuesAsText("port"));
    }

    @Test
    void singleNodeHasNoClusterEnvButStillDeclaresPorts() {
        JsonNode c = container(one(renderCase("defaults"), "StatefulSet", SS), "jira");
        assertFalse(envNames(c).contains("CLUSTERED"));
        assertEquals(List.of(8080, 40001, 40011), containerPorts(c));
        assertEquals("/status", c.path("readinessProbe").path("httpGet").path("path").asText());
    }

    @Test
    void jiraNeedsNoKubernetesApiAccess() {
        List<JsonNode> docs = renderCase("clustered");
        assertTrue(ofKind(docs, "Role").isEmpty());
        assertTrue(ofKind(docs, "RoleBinding").isEmpty());
        JsonNode np = one(docs, "NetworkPolicy", SS);
        lacksText(np.toString(), "6443");
        // no API access needed, so the token stays out of the pod
        JsonNode podSpec = one(docs, "StatefulSet", SS).path("spec").path("template").path("spec");
        assertEquals("false", podSpec.path("automountServiceAccountToken").asText());
    }

    @Test
    void networkPolicyOpensEhCacheOnlyBetweenJiraPods() {
        JsonNode np = one(renderCase("clustered"), "NetworkPolicy", SS);
        JsonNode ingress = np.path("spec").path("ingress");
        assertEquals(List.of("8080"), ingress.get(0).path("ports").findValuesAsText("port"));
        assertEquals(List.of("40001", "40011"), ingress.get(1).path("ports").findValuesAsText("port"));
        assertEquals("jira", ingress.get(1).path("from").get(0).path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
        String egress = np.path("spec").path("egress").toString();
        containsText(egress, "\"port\":53", "\"port\":5432", "10.20.0.0/16", "\"port\":443");
    }

    @Test
    void securityDefaultsUseJiraUid() {
        JsonNode spec = one(renderCase("defaults"), "StatefulSet", SS).path("spec").path("template").path("spec");
        assertEquals(2001, spec.path("securityContext").path("runAsUser").asInt());
        assertEquals(2001, spec.path("securityContext").path("fsGroup").asInt());
        assertEquals("RuntimeDefault", spec.path("securityContext").path("seccompProfile").path("type").asText());
        JsonNode c = spec.path("containers").get(0).path("securityContext");
        assertFalse(c.path("allowPrivilegeEscalation").asBoolean(true));
        assertEquals("[\"ALL\"]", c.path("capabilities").path("drop").toString());
    }

    @Test
    void memoryCheckCountsHeapCodeCacheAndOverhead() {
        renderFails("jira", "jira: {resources: {container: {requests: {memory: 1Gi}}}}\n",
                "jira container", "max heap 768m + code cache 512m + non-heap overhead 512m");
        // 768m + 512m + 512m = 1792 MiB fits exactly.
        assertEquals(1, ofKind(parse(renderInline("jira", "jira: {resources: {container: {limits: {memory: 1792Mi}}}}\n")), "StatefulSet").size());
    }

    @Test
    void ingressVariants() {
        JsonNode ing = one(renderCase("clustered"), "Ingress", SS);
        assertEquals("cookie", ing.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/affinity").asText());
        assertEquals("jira.example.com", ing.path("spec").path("rules").get(0).path("host").asText());
        assertEquals(List.of("/", "/rest"), ing.path("spec").path("rules").get(0).path("http").path("paths").findValuesAsText("path"));
        assertEquals("jira-tls", ing.path("spec").path("tls").get(0).path("secretName").asText());
        assertEquals(1, ofKind(renderCase("clustered"), "Ingress").size(), "Jira has no websocket paths");
        assertEquals("regcred", one(renderCase("clustered"), "ServiceAccount", SS).path("imagePullSecrets").get(0).path("name").asText());

        List<JsonNode> istio = renderCase("istio");
        assertTrue(ofKind(istio, "Gateway").isEmpty(), "existing Gateway reused");
        JsonNode vs = one(istio, "VirtualService", SS);
        assertEquals("istio-system/public-gateway", vs.path("spec").path("gateways").get(0).asText());
        assertEquals("/jira", vs.path("spec").path("http").get(0).path("match").get(0).path("uri").path("prefix").asText());
        assertEquals("ATLROUTE", one(istio, "DestinationRule", SS).path("spec").path("trafficPolicy").path("loadBalancer")
                .path("consistentHash").path("httpCookie").path("name").asText());

        JsonNode route = one(renderCase("gateway-api"), "HTTPRoute", SS);
        assertEquals("gateway-system", route.path("spec").path("parentRefs").get(0).path("namespace").asText());
    }

    @Test
    void userExtrasAndPlacement() {
        List<JsonNode> docs = renderCase("istio");
        JsonNode ss = one(docs, "StatefulSet", SS);
        JsonNode spec = ss.path("spec").path("template").path("spec");
        JsonNode c = container(ss, "jira");
        containsAll(containerPorts(c), 5555);
        containsAll(mountPaths(c), "/var/atlassian/application-data/jira/jira-config.properties");
        assertTrue(spec.path("affinity").has("nodeAffinity"), "user affinity replaces the preset");
        assertFalse(spec.path("affinity").has("podAntiAffinity"));
        containsText(one(docs, "ConfigMap", SS + "-jvm-config").path("data").path("additional_jvm_args").asText(),
                "-Djira.websudo.is.disabled=true", "-XX:ActiveProcessorCount=2");
        assertEquals("/jira/status", c.path("readinessProbe").path("httpGet").path("path").asText());

        JsonNode clustered = one(renderCase("clustered"), "StatefulSet", SS).path("spec").path("template").path("spec");
        assertTrue(clustered.path("affinity").path("podAntiAffinity").has("preferredDuringSchedulingIgnoredDuringExecution"));
        assertEquals("topology.kubernetes.io/zone", clustered.path("topologySpreadConstraints").get(0).path("topologyKey").asText());
    }

    @Test
    void severalNodesNeedClusteringAndSharedHome() {
        renderFails("jira", "replicaCount: 2\n", "clustering.enabled is false");
        renderFails("jira", "replicaCount: 2\njira: {clustering: {enabled: true}}\n", "shared home is an emptyDir");
        renderFails("jira", "jira: {clustring: true}\n", "clustring");
    }
}
