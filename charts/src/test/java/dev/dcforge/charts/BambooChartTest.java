package dev.dcforge.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dcforge.support.UserError;
import dev.dcforge.template.HelmTemplater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static dev.dcforge.charts.Asserts.*;
import static dev.dcforge.charts.ChartSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Focused assertions on the Bamboo server chart and on how it pairs with the bamboo-agent chart. */
class BambooChartTest {

    private static final String SS = "unittest-bamboo";

    private static List<JsonNode> renderCase(String name) {
        return parse(render("bamboo", valuesDir("bamboo").resolve(name + ".yaml")));
    }

    @Test
    void schemaRejectsMoreThanOneServerAndSaysWhy() throws IOException {
        JsonNode rc = new ObjectMapper().readTree(chartsDir().resolve("bamboo/values.schema.json").toFile())
                .path("properties").path("replicaCount");
        assertEquals(1, rc.path("maximum").asInt());
        containsText(rc.path("description").asText(), "active-passive");
        containsText(rc.path("errorMessage").path("maximum").asText(), "active-passive");
        // Helm validates values against the schema before any template runs: the template's own message never shows.
        UserError e = assertThrows(UserError.class, () -> renderInline("bamboo", "replicaCount: 2\n"));
        containsText(e.getMessage(), "replicaCount");
        lacksText(e.getMessage(), "only ONE server node");
    }

    @Test
    void templatesRefuseMoreThanOneServerEvenWithoutTheSchema(@TempDir Path tmp) throws IOException {
        Path copy = tmp.resolve("bamboo");
        Path source = chart("bamboo");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path target = copy.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("values.schema.json")) {
                    Files.copy(p, target);
                }
            }
        }
        Path values = Files.writeString(tmp.resolve("values.yaml"), "replicaCount: 3\n");
        UserError e = assertThrows(UserError.class,
                () -> new HelmTemplater().template(copy, values, release("bamboo"), NAMESPACE, KUBE_VERSION));
        containsText(e.getMessage(), "replicaCount is 3", "active-passive", "bamboo-agent");
    }

    @Test
    void brokerHasItsOwnServiceAndAgentSettingsComeFromSecrets() {
        List<JsonNode> docs = renderCase("agents-jms");
        assertEquals(List.of("http"), one(docs, "Service", SS).path("spec").path("ports").findValuesAsText("name"));
        JsonNode jms = one(docs, "Service", SS + "-jms").path("spec").path("ports").get(0);
        assertEquals(54663, jms.path("port").asInt());
        assertEquals("jms", jms.path("targetPort").asText());
        JsonNode c = container(one(docs, "StatefulSet", SS), "bamboo");
        assertEquals(List.of(8085, 54663), containerPorts(c));
        containsText(envValue(c, "SECURITY_TOKEN"), "secretKeyRef", "bamboo-agent-token");
        assertEquals("tcp://unittest-bamboo-jms.atl.svc.cluster.local:54663", envValue(c, "ATL_CLIENT_BROKER_URL"));
        containsText(envValue(c, "ATL_LICENSE"), "bamboo-license");
        containsText(envValue(c, "ATL_JDBC_PASSWORD"), "bamboo-db");
        assertEquals("https://bamboo.example.com", envValue(c, "ATL_BASE_URL"));
        noDuplicates(envNames(c), "Bamboo env");
    }

    @Test
    void networkPolicyLetsOnlyAgentsReachTheBroker() {
        JsonNode np = one(renderCase("agents-jms"), "NetworkPolicy", SS);
        JsonNode ingress = np.path("spec").path("ingress");
        assertEquals(2, ingress.size());
        assertEquals(List.of("8085"), ingress.get(0).path("ports").findValuesAsText("port"), "the ingress controller gets HTTP only");
        assertEquals(List.of("8085", "54663"), ingress.get(1).path("ports").findValuesAsText("port"));
        assertEquals("bamboo-agent", ingress.get(1).path("from").get(0).path("podSelector").path("matchLabels").path("app.kubernetes.io/name").asText());
        lacksText(np.path("spec").path("egress").toString(), "6443");
    }

    @Test
    void serverAndAgentPoliciesMatchEachOther() {
        JsonNode serverNp = one(renderCase("agents-jms"), "NetworkPolicy", SS);
        List<JsonNode> agentDocs = parse(render("bamboo-agent", valuesDir("bamboo-agent").resolve("token-networkpolicy.yaml")));
        JsonNode agentPodLabels = one(agentDocs, "Deployment", "unittest-bamboo-agent").path("spec").path("template").path("metadata").path("labels");
        JsonNode serverPodLabels = one(renderCase("agents-jms"), "StatefulSet", SS).path("spec").path("template").path("metadata").path("labels");
        // the server admits the agent pods ...
        JsonNode admitted = serverNp.path("spec").path("ingress").get(1).path("from").get(0).path("podSelector").path("matchLabels");
        admitted.properties().forEach(e -> assertEquals(e.getValue().asText(), agentPodLabels.path(e.getKey()).asText(), e.getKey()));
        // ... on the ports the agents are allowed to open towards the server pods
        JsonNode toServer = one(agentDocs, "NetworkPolicy", "unittest-bamboo-agent").path("spec").path("egress").get(1);
        toServer.path("to").get(0).path("podSelector").path("matchLabels").properties()
                .forEach(e -> assertEquals(e.getValue().asText(), serverPodLabels.path(e.getKey()).asText(), e.getKey()));
        assertEquals(serverNp.path("spec").path("ingress").get(1).path("ports").findValuesAsText("port"), toServer.path("ports").findValuesAsText("port"));
    }

    @Test
    void contextPathReachesProbeAndUserEnvWins() {
        JsonNode c = container(one(renderCase("istio"), "StatefulSet", SS), "bamboo");
        assertEquals("/bamboo/rest/api/latest/status", c.path("readinessProbe").path("httpGet").path("path").asText());
        assertEquals("/bamboo", envValue(c, "ATL_TOMCAT_CONTEXTPATH"));
        assertEquals("https://ci.example.com/bamboo", envValue(c, "ATL_BASE_URL"));
        noDuplicates(envNames(c), "Bamboo env");
    }

    @Test
    void securityDefaultsUseBambooUid() {
        JsonNode spec = one(renderCase("defaults"), "StatefulSet", SS).path("spec").path("template").path("spec");
        assertEquals(2005, spec.path("securityContext").path("runAsUser").asInt());
        assertEquals(2005, spec.path("securityContext").path("fsGroup").asInt());
        // no Kubernetes API access needed, so the token stays out of the pod
        assertEquals("false", spec.path("automountServiceAccountToken").asText());
        assertTrue(spec.path("securityContext").path("runAsNonRoot").asBoolean());
        assertFalse(spec.path("containers").get(0).path("securityContext").path("allowPrivilegeEscalation").asBoolean(true));
        assertTrue(ofKind(renderCase("defaults"), "Role").isEmpty(), "the server needs no Kubernetes API access");
    }

    @Test
    void unsupportedGeneratedConfigIsRefusedNotIgnored() {
        renderFails("bamboo", "bamboo:\n  tomcatConfig:\n    generateByHelm: true\n", "tomcatConfig.generateByHelm", "ATL_TOMCAT_");
        renderFails("bamboo", "bamboo:\n  import:\n    type: import\n", "bamboo.import.path");
    }
}
