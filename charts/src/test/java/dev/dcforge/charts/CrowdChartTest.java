package dev.dcforge.charts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.dcforge.charts.Asserts.*;
import static dev.dcforge.charts.ChartSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Focused assertions on the Crowd chart. */
class CrowdChartTest {

    private static final String SS = "unittest-crowd";

    private static List<JsonNode> renderCase(String name) {
        return parse(render("crowd", valuesDir("crowd").resolve(name + ".yaml")));
    }

    @Test
    void singleNodeByDefaultAtTheCrowdContextPath() {
        List<JsonNode> docs = renderCase("defaults");
        JsonNode ss = one(docs, "StatefulSet", SS);
        assertEquals(1, ss.path("spec").path("replicas").asInt());
        JsonNode c = container(ss, "crowd");
        assertEquals(List.of(8095), containerPorts(c));
        assertEquals("/crowd/status", c.path("readinessProbe").path("httpGet").path("path").asText());
        assertEquals("/var/atlassian/application-data/crowd/shared", envValue(c, "ATL_PRODUCT_HOME_SHARED"));
        noDuplicates(envNames(c), "Crowd env");
    }

    @Test
    void clusteringIsAnOptInThatRequiresASharedHome() {
        renderFails("crowd", "replicaCount: 2\n", "crowd.clustering.enabled is false", "shared home");
        renderFails("crowd", "replicaCount: 2\ncrowd:\n  clustering:\n    enabled: true\n", "emptyDir", "ReadWriteMany");
        List<JsonNode> docs = renderCase("clustered");
        assertEquals(2, one(docs, "StatefulSet", SS).path("spec").path("replicas").asInt());
        assertEquals("[\"ReadWriteMany\"]", one(docs, "PersistentVolumeClaim", SS + "-shared-home").path("spec").path("accessModes").toString());
    }

    @Test
    void nodesAreNamedAfterTheirPods() {
        List<JsonNode> docs = renderCase("clustered");
        containsText(one(docs, "ConfigMap", SS + "-jvm-config").path("data").path("additional_jvm_args").asText(), "-Dcluster.node.name=${KUBE_POD_NAME}");
        containsText(envValue(container(one(docs, "StatefulSet", SS), "crowd"), "KUBE_POD_NAME"), "metadata.name");
    }

    @Test
    void networkPolicyOpensOnlyHttpToTheIngressAndClientApplications() {
        JsonNode np = one(renderCase("clustered"), "NetworkPolicy", SS);
        JsonNode ingress = np.path("spec").path("ingress");
        assertEquals(2, ingress.size(), "no cluster ports: Crowd nodes share database and home");
        for (JsonNode rule : ingress) {
            assertEquals(List.of("8095"), rule.path("ports").findValuesAsText("port"));
        }
        containsText(ingress.get(1).path("from").toString(), "jira", "confluence", "bitbucket", "bamboo");
        containsText(np.path("spec").path("egress").toString(), "\"port\":5432", "10.20.0.0/16", "\"port\":636");
    }

    @Test
    void ingressRoutesTheContextPathWithStickySessions() {
        JsonNode ing = one(renderCase("clustered"), "Ingress", SS);
        assertEquals("/crowd", ing.path("spec").path("rules").get(0).path("http").path("paths").get(0).path("path").asText());
        assertEquals("cookie", ing.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/affinity").asText());
    }

    @Test
    void securityDefaultsUseCrowdUid() {
        JsonNode spec = one(renderCase("defaults"), "StatefulSet", SS).path("spec").path("template").path("spec");
        assertEquals(2004, spec.path("securityContext").path("runAsUser").asInt());
        assertEquals(2004, spec.path("securityContext").path("fsGroup").asInt());
        // no Kubernetes API access needed, so the token stays out of the pod
        assertEquals("false", spec.path("automountServiceAccountToken").asText());
        assertTrue(spec.path("securityContext").path("runAsNonRoot").asBoolean());
        assertFalse(spec.path("containers").get(0).path("securityContext").path("allowPrivilegeEscalation").asBoolean(true));
        assertTrue(spec.path("initContainers").isMissingNode());
        JsonNode fixer = container(one(renderCase("gateway-api"), "StatefulSet", SS), "nfs-permission-fixer");
        containsText(fixer.path("command").toString(), "chgrp 2004");
    }

    @Test
    void userEnvironmentReplacesTheChartEntry() {
        JsonNode c = container(one(renderCase("istio"), "StatefulSet", SS), "crowd");
        assertEquals("0027", envValue(c, "UMASK"));
        noDuplicates(envNames(c), "Crowd env");
    }
}
