package dev.dcforge.validate.schema;

import dev.dcforge.model.Finding;
import dev.dcforge.support.UserError;
import dev.dcforge.validate.ManifestSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CustomSchemasTest {
    private static final String CRD = """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata:
              name: servicemonitors.monitoring.coreos.com
            spec:
              group: monitoring.coreos.com
              names: {kind: ServiceMonitor, plural: servicemonitors}
              scope: Namespaced
              versions:
                - name: v1
                  served: true
                  storage: true
                  schema:
                    openAPIV3Schema:
                      type: object
                      required: [spec]
                      properties:
                        spec:
                          type: object
                          required: [endpoints]
                          properties:
                            endpoints:
                              type: array
                              items:
                                type: object
                                properties:
                                  port: {type: string}
                                  targetPort: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}
                                  scheme: {type: string, enum: [http, https]}
                                  interval: {type: string, pattern: '^[0-9]+[smh]$'}
                            selector:
                              type: object
                              x-kubernetes-preserve-unknown-fields: true
                              properties:
                                matchLabels: {type: object, additionalProperties: {type: string}}
            """;
    private static final String MONITOR = """
            # Source: demo/templates/servicemonitor.yaml
            apiVersion: monitoring.coreos.com/v1
            kind: ServiceMonitor
            metadata:
              name: web
              labels: {release: prometheus}
            spec:
              selector:
                matchLabels: {app: web}
                matchExpressions: []
              endpoints:
                - port: http
                  targetPort: 8080
                  scheme: http
                  interval: 30s
            """;

    @Test
    void crdSchemaValidatesItsCustomResourceStrictly(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("servicemonitor-crd.yaml"), CRD);
        CustomSchemas custom = CustomSchemas.load(dir);
        assertEquals(List.of("monitoring.coreos.com/v1/ServiceMonitor"), List.copyOf(custom.kinds()));

        assertEquals(List.of(), messages(new KubernetesSchemaRule(custom), MONITOR));
        assertEquals(List.of(), messages(new SchemaNotValidatedRule(custom), MONITOR));
        assertEquals(List.of("not validated: no schema for monitoring.coreos.com/v1/ServiceMonitor"),
                messages(new SchemaNotValidatedRule(CustomSchemas.none()), MONITOR));

        String broken = MONITOR.replace("  endpoints:", "  endpoint:").replace("targetPort: 8080", "targetPort: true")
                .replace("scheme: http", "scheme: ftp").replace("interval: 30s", "interval: half a minute");
        assertEquals(List.of(
                "spec.endpoint: unknown field; did you mean endpoints?",
                "spec.endpoints: required field is missing"), messages(new KubernetesSchemaRule(custom), broken));
        String badValues = MONITOR.replace("targetPort: 8080", "targetPort: true")
                .replace("scheme: http", "scheme: ftp").replace("interval: 30s", "interval: half a minute");
        assertEquals(List.of(
                "spec.endpoints[0].interval: does not match the regex pattern ^[0-9]+[smh]$",
                "spec.endpoints[0].scheme: string \"ftp\" is not one of http, https",
                "spec.endpoints[0].targetPort: expected integer or string, found boolean true"),
                messages(new KubernetesSchemaRule(custom), badValues));
    }

    @Test
    void jsonSchemaFileWithGroupVersionKindHeader(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("virtualservice.json"), """
                {
                  "$schema": "http://json-schema.org/draft-07/schema#",
                  "x-kubernetes-group-version-kind": [{"group": "networking.istio.io", "version": "v1beta1", "kind": "VirtualService"}],
                  "type": "object",
                  "properties": {
                    "apiVersion": {"type": "string"}, "kind": {"type": "string"}, "metadata": {"type": "object"},
                    "spec": {"type": "object", "additionalProperties": false,
                             "properties": {"hosts": {"type": "array", "items": {"type": "string"}},
                                            "http": {"type": "array", "items": {"$ref": "#/definitions/route"}}}}
                  },
                  "definitions": {"route": {"type": "object", "properties": {"timeout": {"type": "string"}}}}
                }
                """);
        CustomSchemas custom = CustomSchemas.load(dir);
        String vs = """
                apiVersion: networking.istio.io/v1beta1
                kind: VirtualService
                metadata: {name: web}
                spec:
                  hosts: [jira.example.com]
                  http: [{timeout: 5}]
                  gatways: [mesh]
                """;
        assertEquals(List.of("spec.gatways: unknown field",
                        "spec.http[0].timeout: expected string, found integer 5"),
                messages(new KubernetesSchemaRule(custom), vs));
    }

    @Test
    void customSchemaWinsOverTheBuiltInOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("cm.json"), """
                {"x-kubernetes-group-version-kind": {"group": "", "version": "v1", "kind": "ConfigMap"},
                 "type": "object", "required": ["data"]}
                """);
        String cm = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n";
        assertEquals(List.of("data: required field is missing"), messages(new KubernetesSchemaRule(CustomSchemas.load(dir)), cm));
        assertEquals(List.of(), messages(new KubernetesSchemaRule(CustomSchemas.none()), cm));
    }

    @Test
    void rejectsWhatItCannotUse(@TempDir Path dir) throws IOException {
        Path remote = Files.writeString(dir.resolve("remote.json"), """
                {"x-kubernetes-group-version-kind": [{"group": "a.io", "version": "v1", "kind": "A"}],
                 "properties": {"spec": {"$ref": "https://example.com/spec.json"}}}
                """);
        UserError e = assertThrows(UserError.class, () -> CustomSchemas.load(remote));
        assertTrue(e.problem().contains("$ref https://example.com/spec.json points outside the file"), e.problem());

        Path v1beta1 = Files.writeString(dir.resolve("old-crd.yaml"), CRD.replace("apiextensions.k8s.io/v1", "apiextensions.k8s.io/v1beta1"));
        e = assertThrows(UserError.class, () -> CustomSchemas.load(v1beta1));
        assertTrue(e.problem().endsWith("CustomResourceDefinition apiextensions.k8s.io/v1beta1 is not supported"), e.problem());

        Path neither = Files.writeString(dir.resolve("values.yaml"), "replicaCount: 2\n");
        e = assertThrows(UserError.class, () -> CustomSchemas.load(neither));
        assertTrue(e.problem().contains("is neither a CustomResourceDefinition nor a JSON Schema"), e.problem());

        Path twice = dir.resolve("twice");
        Files.createDirectories(twice);
        Files.writeString(twice.resolve("a.yaml"), CRD);
        Files.writeString(twice.resolve("b.yaml"), CRD);
        e = assertThrows(UserError.class, () -> CustomSchemas.load(twice));
        assertTrue(e.problem().startsWith("a second schema for monitoring.coreos.com/v1 ServiceMonitor"), e.problem());

        e = assertThrows(UserError.class, () -> CustomSchemas.load(dir.resolve("missing")));
        assertEquals("schema directory not found", e.problem());
    }

    private static List<String> messages(dev.dcforge.validate.rules.Rule rule, String manifest) {
        ManifestSet set = SchemaTestSupport.set(manifest, "1.32.0");
        return SchemaTestSupport.run(rule, set).stream().map(Finding::message).toList();
    }
}
