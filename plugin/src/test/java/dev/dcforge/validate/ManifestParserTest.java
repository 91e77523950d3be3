package dev.dcforge.validate;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.support.UserError;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestParserTest {
    private static final ChartTarget TARGET = new ChartTarget("dev", "demo");
    private final ManifestParser parser = new ManifestParser();

    @Test
    void keepsLineSourceAndTypedModel() {
        String text = """
                ---
                # Source: demo/templates/service.yaml
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                ---
                # Source: demo/templates/deployment.yaml
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 2
                ---
                apiVersion: networking.istio.io/v1
                kind: VirtualService
                metadata:
                  name: vs
                """;
        List<ManifestObject> objects = parser.parse(TARGET, Path.of("m.yaml"), text);
        assertEquals(3, objects.size());
        assertEquals(3, objects.get(0).line());
        assertEquals("demo/templates/service.yaml", objects.get(0).sourceTemplate());
        assertEquals(9, objects.get(1).line());
        Deployment deployment = assertInstanceOf(Deployment.class, objects.get(1).typed());
        assertEquals(2, deployment.getSpec().getReplicas());
        assertInstanceOf(GenericKubernetesResource.class, objects.get(2).typed());
        assertEquals("VirtualService/vs", objects.get(2).ref());
    }

    @Test
    void aListIsNotAnObject() {
        UserError e = assertThrows(UserError.class, () -> parser.parse(TARGET, Path.of("m.yaml"), "---\n- a\n- b\n"));
        assertEquals("m.yaml:2: manifest document is a list, not a Kubernetes object. What to do: each YAML document must be a mapping with apiVersion, kind and metadata",
                e.getMessage());
    }

    @Test
    void syntaxErrorNamesTheManifestLine() {
        UserError e = assertThrows(UserError.class, () -> parser.parse(TARGET, Path.of("m.yaml"),
                "apiVersion: v1\nkind: ConfigMap\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [x\n"));
        assertEquals("m.yaml", e.file());
        assertTrue(e.line() >= 7, "line " + e.line());
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
    }

    @Test
    void duplicateKeyIsAnError() {
        UserError e = assertThrows(UserError.class, () -> parser.parse(TARGET, Path.of("m.yaml"),
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  name: b\n"));
        assertTrue(e.getMessage().contains("duplicate key") || e.getMessage().contains("Duplicate"), e.getMessage());
        assertEquals(5, e.line());
    }

    @Test
    void metadataThatIsNotAMappingStillParses() {
        // found by fuzzing: fabric8's conversion threw on a string metadata
        List<ManifestObject> objects = parser.parse(TARGET, Path.of("m.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: just-a-string\n");
        assertEquals(1, objects.size());
        assertEquals("ConfigMap", objects.get(0).typed().getKind());
        assertEquals("", objects.get(0).name());
    }
}
