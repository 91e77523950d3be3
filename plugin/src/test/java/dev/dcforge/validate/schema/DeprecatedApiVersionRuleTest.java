package dev.dcforge.validate.schema;

import dev.dcforge.model.Finding;
import dev.dcforge.model.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeprecatedApiVersionRuleTest {
    private static final String PDB_V1BETA1 = """
            apiVersion: policy/v1beta1
            kind: PodDisruptionBudget
            metadata:
              name: web
            spec:
              minAvailable: 1
            """;

    @Test
    void removedApiFailsWhereRemovedAndPassesWhereItExists() {
        DeprecatedApiVersionRule rule = new DeprecatedApiVersionRule();
        assertEquals(List.of(), SchemaTestSupport.run(rule, PDB_V1BETA1, "1.20.0"));
        List<Finding> at121 = SchemaTestSupport.run(rule, PDB_V1BETA1, "1.21.0");
        assertEquals(1, at121.size());
        assertEquals(Severity.WARNING, at121.get(0).severity());
        assertEquals("policy/v1beta1 PodDisruptionBudget is deprecated since Kubernetes 1.21 and removed in 1.25 (target 1.21); "
                + "use policy/v1", at121.get(0).message());
        assertEquals(Severity.WARNING, SchemaTestSupport.run(rule, PDB_V1BETA1, "1.24.17").get(0).severity());
        List<Finding> at125 = SchemaTestSupport.run(rule, PDB_V1BETA1, "1.25.0");
        assertEquals(Severity.ERROR, at125.get(0).severity());
        assertEquals("policy/v1beta1 PodDisruptionBudget was removed in Kubernetes 1.25 (target 1.25); use policy/v1",
                at125.get(0).message());
        assertEquals(List.of(), SchemaTestSupport.run(rule, PDB_V1BETA1.replace("policy/v1beta1", "policy/v1"), "1.32.0"));
    }

    @Test
    void flowcontrolV1beta3ExistsAt131AndIsGoneAt132() {
        String manifest = "apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: x\n";
        DeprecatedApiVersionRule rule = new DeprecatedApiVersionRule();
        assertEquals(Severity.WARNING, SchemaTestSupport.run(rule, manifest, "1.31").get(0).severity());
        assertEquals(Severity.ERROR, SchemaTestSupport.run(rule, manifest, "1.32").get(0).severity());
        assertEquals(List.of(), SchemaTestSupport.run(rule, manifest, "1.28"));
    }

    @Test
    void tableHoldsTheRemovalsChartsMeetMost() {
        DeprecatedApis table = DeprecatedApis.builtIn();
        assertRemoved(table, "policy/v1beta1", "PodDisruptionBudget", "1.25", "policy/v1");
        assertRemoved(table, "policy/v1beta1", "PodSecurityPolicy", "1.25", "none (use Pod Security Admission labels on the namespace)");
        assertRemoved(table, "autoscaling/v2beta1", "HorizontalPodAutoscaler", "1.25", "autoscaling/v2");
        assertRemoved(table, "autoscaling/v2beta2", "HorizontalPodAutoscaler", "1.26", "autoscaling/v2");
        assertRemoved(table, "batch/v1beta1", "CronJob", "1.25", "batch/v1");
        assertRemoved(table, "networking.k8s.io/v1beta1", "Ingress", "1.22", "networking.k8s.io/v1");
        assertRemoved(table, "extensions/v1beta1", "Ingress", "1.22", "networking.k8s.io/v1");
        assertRemoved(table, "flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema", "1.26", "flowcontrol.apiserver.k8s.io/v1");
        assertRemoved(table, "flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration", "1.29", "flowcontrol.apiserver.k8s.io/v1");
        assertRemoved(table, "flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", "1.32", "flowcontrol.apiserver.k8s.io/v1");
        assertNull(table.find("v1", "Endpoints").orElseThrow().removedIn());
        assertEquals(true, table.find("apps/v1", "Deployment").isEmpty());
    }

    private static void assertRemoved(DeprecatedApis table, String apiVersion, String kind, String removedIn, String replacement) {
        DeprecatedApis.Entry e = table.find(apiVersion, kind).orElseThrow(() -> new AssertionError(apiVersion + " " + kind));
        assertEquals(removedIn, e.removedIn().toString());
        assertEquals(replacement, e.replacement());
    }
}
