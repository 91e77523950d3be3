package dev.dcforge.render;

import dev.dcforge.TestFiles;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OverridesRendererTest {
    @TempDir
    Path tmp;
    Path overrides;
    OutputLayout layout;

    @BeforeEach
    void setUp() {
        overrides = tmp.resolve("overrides");
        layout = new OutputLayout(tmp.resolve("out"));
        TestFiles.write(overrides.resolve("stack.yaml"), """
                facts:
                  replicas: 1
                  tag: "1.27"
                products: [demo]
                environments:
                  dev: {}
                  prod:
                    facts:
                      replicas: 3
                """);
    }

    private OverridesRenderer renderer() {
        return new OverridesRenderer(overrides, TestFiles.resource("charts"));
    }

    @Test
    void layersEnvironmentOverChartTemplate() {
        TestFiles.write(overrides.resolve("demo.yaml.j2"), "replicaCount: {{ replicas }}\nimage:\n  repository: nginx\n  tag: \"{{ tag }}\"\n");
        TestFiles.write(overrides.resolve("prod/demo.yaml.j2"), "image:\n  tag: \"{{ tag }}-{{ environment }}\"\n");
        List<OverridesRenderer.RenderedValues> out = renderer().render(Stack.load(overrides.resolve("stack.yaml")), layout);
        assertEquals(2, out.size());
        var prod = Yaml.read(layout.valuesFile(new ChartTarget("prod", "demo")));
        assertEquals(3, prod.path("replicaCount").asInt());
        assertEquals("nginx", prod.path("image").path("repository").asText(), "maps merge key by key");
        assertEquals("1.27-prod", prod.path("image").path("tag").asText());
        var dev = Yaml.read(layout.valuesFile(new ChartTarget("dev", "demo")));
        assertEquals("1.27", dev.path("image").path("tag").asText());
    }

    @Test
    void undefinedVariableIsAnErrorWithFileAndLine() {
        Path template = TestFiles.write(overrides.resolve("demo.yaml.j2"), "replicaCount: 1\nimage:\n  tag: {{ no_such_fact }}\n");
        UserError e = assertThrows(UserError.class, () -> renderer().render(Stack.load(overrides.resolve("stack.yaml")), layout));
        assertEquals(template.toString(), e.file());
        assertEquals(3, e.line());
        assertTrue(e.problem().contains("no_such_fact"), e.problem());
        assertFalse(Files.exists(layout.valuesFile(new ChartTarget("dev", "demo"))), "nothing half-written");
    }

    @Test
    void includeOutsideOverridesFolderIsRefused() {
        TestFiles.write(tmp.resolve("secret.txt"), "password: x\n");
        TestFiles.write(overrides.resolve("demo.yaml.j2"), "{% include '../secret.txt' %}\n");
        UserError e = assertThrows(UserError.class, () -> renderer().render(Stack.load(overrides.resolve("stack.yaml")), layout));
        assertTrue(e.problem().contains("outside the overrides folder"), e.problem());
    }

    @Test
    void schemaViolationNamesOverrideFile() {
        Path template = TestFiles.write(overrides.resolve("demo.yaml.j2"), "replicaCount: \"{{ replicas }}\"\n");
        UserError e = assertThrows(UserError.class, () -> renderer().render(Stack.load(overrides.resolve("stack.yaml")), layout));
        assertEquals(template.toString(), e.file());
        assertTrue(e.problem().contains("$.replicaCount: string found, integer expected"), e.problem());
    }

    @Test
    void stackWithoutEnvironmentsIsRejected() {
        TestFiles.write(overrides.resolve("stack.yaml"), "facts: {}\n");
        UserError e = assertThrows(UserError.class, () -> Stack.load(overrides.resolve("stack.yaml")));
        assertTrue(e.getMessage().contains("the stack file defines no environments"), e.getMessage());
    }
}
