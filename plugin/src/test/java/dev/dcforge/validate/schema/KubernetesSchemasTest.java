package dev.dcforge.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.Finding;
import dev.dcforge.support.UserError;
import dev.dcforge.validate.ManifestSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KubernetesSchemasTest {
    private static final String POD_WITH_HOSTNAME_OVERRIDE = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
            spec:
              hostnameOverride: web-0
              containers:
                - name: web
                  image: nginx:1.27
            """;

    @Test
    void carriesThreeMinorsAndEachLoadsWithTheCoreKinds() {
        assertEquals(List.of(new KubeVersion(1, 32), new KubeVersion(1, 33), new KubeVersion(1, 34)), KubernetesSchemas.carried());
        for (KubeVersion v : KubernetesSchemas.carried()) {
            long started = System.nanoTime();
            KubernetesSchemas fresh = KubernetesSchemas.load(v);
            long loaded = System.nanoTime();
            fresh.schemaFor("apps/v1", "StatefulSet").orElseThrow();
            System.out.printf("Kubernetes %s: read and converted in %d ms, StatefulSet compiled in %d ms%n", v,
                    (loaded - started) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000);
            KubernetesSchemas schemas = KubernetesSchemas.forCarried(v);
            assertEquals(v, schemas.version());
            for (String kind : List.of("apps/v1/Deployment", "apps/v1/StatefulSet", "v1/Service", "v1/ConfigMap", "v1/Secret",
                    "v1/PersistentVolumeClaim", "networking.k8s.io/v1/Ingress", "policy/v1/PodDisruptionBudget",
                    "rbac.authorization.k8s.io/v1/RoleBinding", "batch/v1/CronJob", "autoscaling/v2/HorizontalPodAutoscaler")) {
                assertTrue(schemas.kinds().contains(kind), v + " lacks " + kind);
            }
        }
    }

    @Test
    void everyRefResolvesInsideTheDocument() {
        for (KubeVersion v : KubernetesSchemas.carried()) {
            JsonNode doc = KubernetesSchemas.forCarried(v).document();
            List<String> dangling = new ArrayList<>();
            collectDangling(doc, doc, dangling);
            assertEquals(List.of(), dangling, "Kubernetes " + v);
        }
    }

    private static void collectDangling(JsonNode doc, JsonNode node, List<String> dangling) {
        if (node.isObject() && node.has("$ref")) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/definitions/") || !doc.path("definitions").has(ref.substring("#/definitions/".length()))) {
                dangling.add(ref);
            }
        }
        node.forEach(child -> collectDangling(doc, child, dangling));
    }

    @Test
    void targetSelectsTheNearestCarriedVersionNotAboveIt() {
        assertEquals("1.32", KubernetesSchemas.forTarget("1.32.0").version().toString());
        assertEquals("1.33", KubernetesSchemas.forTarget("v1.33.4").version().toString());
        assertEquals("1.34", KubernetesSchemas.forTarget("1.34").version().toString());
        assertEquals("1.34", KubernetesSchemas.forTarget("1.36.1").version().toString());
        assertEquals("1.34", KubernetesSchemas.forTarget(null).version().toString());
        assertEquals("1.34", KubernetesSchemas.forTarget(" ").version().toString());
        UserError old = assertThrows(UserError.class, () -> KubernetesSchemas.forTarget("1.31.9"));
        assertEquals("no Kubernetes schemas for 1.31; this dcforge carries [1.32, 1.33, 1.34]", old.problem());
        assertEquals("dcforge.kubeVersion", old.file());
        UserError bad = assertThrows(UserError.class, () -> KubernetesSchemas.forTarget("latest"));
        assertEquals("'latest' is not a Kubernetes version", bad.problem());
    }

    @Test
    void aFieldAddedIn134IsUnknownAt133AndAcceptedAt134() {
        KubernetesSchemaRule rule = new KubernetesSchemaRule(CustomSchemas.none());
        assertEquals(List.of("spec.hostnameOverride: unknown field"),
                messages(SchemaTestSupport.run(rule, POD_WITH_HOSTNAME_OVERRIDE, "1.33.0")));
        assertEquals(List.of(), messages(SchemaTestSupport.run(rule, POD_WITH_HOSTNAME_OVERRIDE, "1.34.1")));
    }

    @Test
    void eachKindIsCompiledOnceAndReused() {
        KubernetesSchemas schemas = KubernetesSchemas.forTarget("1.32");
        assertSame(schemas, KubernetesSchemas.forTarget("1.32.7"));
        assertSame(schemas.schemaFor("apps/v1", "Deployment").orElseThrow(), schemas.schemaFor("apps/v1", "Deployment").orElseThrow());
        assertTrue(schemas.schemaFor("apps/v1", "Gadget").isEmpty());
    }

    @Test
    void acceptsWhatKubernetesAccepts() {
        String manifest = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  creationTimestamp: null
                  annotations:
                  labels:
                    app.kubernetes.io/name: web
                spec:
                  selector:
                    matchLabels:
                      app: web
                  strategy:
                    rollingUpdate:
                      maxSurge: 25%
                      maxUnavailable: 1
                  template:
                    metadata:
                      labels:
                        app: web
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                          resources:
                            requests: {cpu: 0.5, memory: 512Mi, ephemeral-storage: 1}
                            limits: {cpu: "2", memory: 2Gi}
                          readinessProbe:
                            httpGet: {path: /status, port: http}
                          livenessProbe:
                            tcpSocket: {port: 8080}
                status:
                  replicas: 1
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  any.key-you.like: "1"
                  other: text
                """;
        ManifestSet set = SchemaTestSupport.set(manifest, "1.32.0");
        assertEquals(2, set.objects().size());
        assertEquals(List.of(), messages(SchemaTestSupport.run(new KubernetesSchemaRule(CustomSchemas.none()), set)));
        assertEquals(List.of(), messages(SchemaTestSupport.run(new SchemaNotValidatedRule(CustomSchemas.none()), set)));
    }

    @Test
    void capsFindingsPerObject() {
        StringBuilder manifest = new StringBuilder("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: many\n");
        for (int i = 0; i < 30; i++) {
            manifest.append("field").append(i).append(": x\n");
        }
        List<String> messages = messages(SchemaTestSupport.run(new KubernetesSchemaRule(CustomSchemas.none()), manifest.toString(), "1.32"));
        assertEquals(KubernetesSchemaRule.MAX_PER_OBJECT + 1, messages.size());
        assertEquals("and 5 more schema failures in this object", messages.get(messages.size() - 1));
    }

    /** Not a unit-test assertion on time: prints what validating a realistic number of objects costs. */
    @Test
    void validatesHundredsOfObjectsWithCompiledSchemas() {
        StringBuilder manifest = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            manifest.append("""
                    ---
                    apiVersion: apps/v1
                    kind: StatefulSet
                    metadata:
                      name: app-%d
                    spec:
                      serviceName: app
                      selector: {matchLabels: {app: app}}
                      template:
                        metadata: {labels: {app: app}}
                        spec:
                          containers:
                            - name: app
                              image: atlassian/jira-software:11.3.1
                              imagePullPolcy: IfNotPresent
                              ports: [{containerPort: 8080, name: http}]
                              env: [{name: A, value: "1"}, {name: B, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
                              resources: {requests: {cpu: 1, memory: 2Gi}}
                    """.formatted(i));
        }
        ManifestSet set = SchemaTestSupport.set(manifest.toString(), "1.33");
        KubernetesSchemaRule rule = new KubernetesSchemaRule(CustomSchemas.none());
        SchemaTestSupport.run(rule, set);
        long started = System.nanoTime();
        List<Finding> findings = SchemaTestSupport.run(rule, set);
        long ms = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("schema check of %d StatefulSets (schemas warm): %d ms%n", set.objects().size(), ms);
        assertEquals(300, findings.size());
        assertTrue(findings.stream().allMatch(f -> f.message().equals(
                "spec.template.spec.containers[0].imagePullPolcy: unknown field; did you mean imagePullPolicy?")));
    }

    private static List<String> messages(List<Finding> findings) {
        return findings.stream().map(Finding::message).toList();
    }
}
