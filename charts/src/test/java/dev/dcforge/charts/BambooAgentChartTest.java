package dev.dcforge.charts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dcforge.charts.Asserts.*;
import static dev.dcforge.charts.ChartSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Focused assertions on the bamboo-agent chart. */
class BambooAgentChartTest {

    private static final String DEPLOY = "unittest-bamboo-agent";

    private static List<JsonNode> renderCase(String name) {
        return parse(render("bamboo-agent", valuesDir("bamboo-agent").resolve(name + ".yaml")));
    }

    @Test
    void agentsPointAtTheServerWithTheTokenFromASecret() {
        JsonNode d = one(renderCase("token-networkpolicy"), "Deployment", DEPLOY);
        assertEquals(5, d.path("spec").path("replicas").asInt());
        JsonNode c = container(d, "bamboo-agent");
        assertEquals("http://bamboo.ci.svc.cluster.local/bamboo", envValue(c, "BAMBOO_SERVER"));
        containsText(envValue(c, "SECURITY_TOKEN"), "secretKeyRef", "bamboo-agent-token", "security-token");
        containsText(envValue(c, "WRAPPER_JAVA_MAXMEMORY"), DEPLOY + "-jvm-config", "max_heap");
        noDuplicates(envNames(c), "agent env");
        assertEquals("[\"sh\",\"-c\",\"/probe-readiness.sh\"]", c.path("readinessProbe").path("exec").path("command").toString());
    }

    @Test
    void aFullServerUrlIsKeptAndTheTokenIsOptional() {
        JsonNode c = container(one(renderCase("custom-image"), "Deployment", DEPLOY), "bamboo-agent");
        assertEquals("https://bamboo.example.com", envValue(c, "BAMBOO_SERVER"));
        assertFalse(envNames(c).contains("SECURITY_TOKEN"));
        assertEquals("registry.example.com/ci/bamboo-agent-jdk21:12.1.1-1", c.path("image").asText());
    }

    @Test
    void theServerIsRequired() {
        renderFails("bamboo-agent", "agent:\n  server: null\n", "agent.server is required");
        assertEquals("http://bamboo", envValue(container(one(parse(renderInline("bamboo-agent", "{}")), "Deployment", DEPLOY), "bamboo-agent"), "BAMBOO_SERVER"),
                "the default is the Service of a release named bamboo in the same namespace");
    }

    @Test
    void networkPolicyAllowsNoInboundAndOnlyServerHttpAndBrokerOutbound() {
        JsonNode np = one(renderCase("token-networkpolicy"), "NetworkPolicy", DEPLOY);
        assertTrue(np.path("spec").path("ingress").isNull() || np.path("spec").path("ingress").isEmpty(), "agents accept no connections");
        containsText(np.path("spec").path("policyTypes").toString(), "Ingress", "Egress");
        JsonNode toServer = np.path("spec").path("egress").get(1);
        assertEquals(List.of("8085", "54663"), toServer.path("ports").findValuesAsText("port"));
        assertEquals("bamboo", toServer.path("to").get(0).path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
        assertEquals("ci", toServer.path("to").get(0).path("namespaceSelector").path("matchLabels").path("kubernetes.io/metadata.name").asText());
    }

    @Test
    void agentsRunNonRootAsTheBambooUserWithoutAnApiToken() {
        JsonNode spec = one(renderCase("defaults"), "Deployment", DEPLOY).path("spec").path("template").path("spec");
        assertEquals(2005, spec.path("securityContext").path("runAsUser").asInt());
        assertEquals(2005, spec.path("securityContext").path("fsGroup").asInt());
        assertTrue(spec.path("securityContext").path("runAsNonRoot").asBoolean());
        assertFalse(spec.path("automountServiceAccountToken").asBoolean(true));
        JsonNode c = spec.path("containers").get(0).path("securityContext");
        assertFalse(c.path("allowPrivilegeEscalation").asBoolean(true));
        assertEquals("[\"ALL\"]", c.path("capabilities").path("drop").toString());
    }
}
