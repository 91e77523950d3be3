package dev.dcforge.validate;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.support.UserError;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A duplicated key silently drops a value in most YAML readers; dcforge refuses the manifest with file and line. */
class DuplicateKeyTest {
    @Test
    void duplicateKeyInRenderedManifestFailsWithFileAndLine() {
        String manifest = """
                ---
                # Source: demo/templates/configmap.yaml
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: ok
                ---
                # Source: demo/templates/deployment.yaml
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  template:
                    spec:
                      containers:
                        - name: web
                          image: nginx:1.27
                          image: nginx:1.28
                """;
        UserError e = assertThrows(UserError.class,
                () -> new ManifestParser().parse(new ChartTarget("test", "demo"), Path.of("rendered/demo.yaml"), manifest));
        assertEquals("rendered/demo.yaml", e.file());
        assertEquals(19, e.line(), "line of the second image key");
        assertEquals("invalid YAML: duplicate key 'image' (from template demo/templates/deployment.yaml)", e.problem());
    }
}
