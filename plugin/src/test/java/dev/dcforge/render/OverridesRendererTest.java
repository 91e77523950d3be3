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
                  imageRegistry: registry.example.com
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

    private Stack stack() {
        return Stack.load(overrides.resolve("stack.yaml"));
    }

    @Test
    void layersEnvironmentOverChartTemplate() {
        TestFiles.write(overrides.resolve("demo.yaml.j2"), "replicaCount: {{ replicas }}\nimage:\n  repository: {{ imageRegistry }}/nginx\n  tag: \"1.27\"\n");
        TestFiles.write(overrides.resolve("prod/demo.yaml.j2"), "image:\n  tag: \"1.27-{{ environment }}\"\n");
        List<OverridesRenderer.RenderedValues> out = renderer().render(stack(), layout);
        assertEquals(2, out.size());
        var prod = Yaml.read(layout.valuesFile(new ChartTarget("prod", "demo")));
        assertEquals(3, prod.path("replicaCount").asInt());
        assertEquals("registry.example.com/nginx", prod.path("image").path("repository").asText(), "maps merge key by key");
        assertEquals("1.27-prod", prod.path("image").path("tag").asText());
        var dev = Yaml.read(layout.valuesFile(new ChartTarget("dev", "demo")));
        assertEquals("1.27", dev.path("image").path("tag").asText());
    }

    @Test
    void profilesApplyBetweenProductAndEnvironmentInListedOrder() {
        TestFiles.write(overrides.resolve("stack.yaml"), """
                products: [demo]
                profiles:
                  demo: [big, tagged]
                environments:
                  dev:
                    profiles:
                      demo: [tagged]
                  prod: {}
                """);
        Path product = TestFiles.write(overrides.resolve("demo.yaml.j2"), "replicaCount: 1\nimage:\n  repository: nginx\n  tag: base\n");
        Path big = TestFiles.write(overrides.resolve("profiles/big.yaml.j2"), "replicaCount: 5\nimage:\n  tag: big\n");
        Path tagged = TestFiles.write(overrides.resolve("profiles/tagged.yaml.j2"), "image:\n  tag: tagged-{{ profiles | join('+') }}\n");
        Path prodFile = TestFiles.write(overrides.resolve("prod/demo.yaml.j2"), "replicaCount: 2\n");
        Stack stack = stack();
        assertEquals(List.of(product, big, tagged, prodFile), renderer().layers(stack, stack.environments().get("prod"), "demo"));
        assertEquals(List.of(product, tagged), renderer().layers(stack, stack.environments().get("dev"), "demo"),
                "an environment's profile list replaces the stack's");
        renderer().render(stack, layout);
        var prod = Yaml.read(layout.valuesFile(new ChartTarget("prod", "demo")));
        assertEquals(2, prod.path("replicaCount").asInt(), "environment file wins over profiles");
        assertEquals("tagged-big+tagged", prod.path("image").path("tag").asText(), "later profile wins");
        var dev = Yaml.read(layout.valuesFile(new ChartTarget("dev", "demo")));
        assertEquals(1, dev.path("replicaCount").asInt());
    }

    @Test
    void sourceMapPointsEveryPathToTheLayerAndLineThatSetIt() {
        TestFiles.write(overrides.resolve("demo.yaml.j2"), """
                replicaCount: {{ replicas }}
                image:
                  repository: nginx
                  tag: "1.0"
                """);
        TestFiles.write(overrides.resolve("prod/demo.yaml.j2"), """
                # prod pins the tag
                image:
                  tag: "1.0-prod"
                """);
        renderer().render(stack(), layout);
        SourceMap prod = SourceMap.load(layout, new ChartTarget("prod", "demo"));
        assertEquals("overrides/demo.yaml.j2:1", prod.lookup("replicaCount").orElseThrow().toString());
        assertEquals("overrides/demo.yaml.j2:3", prod.lookup("image.repository").orElseThrow().toString());
        assertEquals("overrides/prod/demo.yaml.j2:3", prod.lookup("image.tag").orElseThrow().toString());
        assertEquals("overrides/prod/demo.yaml.j2:3", prod.lookupPointer("/image/tag").orElseThrow().toString());
        assertEquals(List.of("replicaCount", "image", "image.repository", "image.tag"), List.copyOf(prod.entries().keySet()),
                "entries follow the values file order");
        assertTrue(Files.isRegularFile(layout.sourceMapFile(new ChartTarget("prod", "demo"))));
    }

    @Test
    void valuesFileIsStableAndWithoutNoise() {
        TestFiles.write(overrides.resolve("demo.yaml.j2"), """
                {# a comment renders nothing #}
                {% if replicas > 2 %}
                replicaCount: {{ replicas }}
                {% endif %}
                image:
                  repository: nginx
                  tag: "1.0"
                """);
        renderer().render(stack(), layout);
        String dev = Yaml.readText(layout.valuesFile(new ChartTarget("dev", "demo")));
        assertEquals("image:\n  repository: nginx\n  tag: \"1.0\"\n", dev);
        String first = Yaml.readText(layout.sourceMapFile(new ChartTarget("dev", "demo")));
        renderer().render(stack(), layout);
        assertEquals(first, Yaml.readText(layout.sourceMapFile(new ChartTarget("dev", "demo"))), "same inputs, same bytes");
        assertFalse(first.contains(tmp.toString()), "no absolute paths in the source map");
    }

    @Test
    void undefinedVariableIsAnErrorWithFileAndLine() {
        Path template = TestFiles.write(overrides.resolve("demo.yaml.j2"), "replicaCount: 1\nimage:\n  tag: {{ no_such_fact }}\n");
        UserError e = assertThrows(UserError.class, () -> renderer().render(stack(), layout));
        assertEquals(template.toString(), e.file());
        assertEquals(3, e.line());
        assertEquals("template error: undefined variable 'no_such_fact'", e.problem());
        assertFalse(Files.exists(layout.valuesFile(new ChartTarget("dev", "demo"))), "nothing half-written");
    }

    @Test
    void errorInAProfileNamesTheProfile() {
        TestFiles.write(overrides.resolve("stack.yaml"), "products: [demo]\nprofiles:\n  demo: [broken]\nenvironments:\n  dev: {}\n");
        Path profile = TestFiles.write(overrides.resolve("profiles/broken.yaml.j2"), "replicaCount: 1\n\nimage:\n  tag: {{ tagg }}\n");
        UserError e = assertThrows(UserError.class, () -> renderer().render(stack(), layout));
        assertEquals(profile.toString(), e.file());
        assertEquals(4, e.line());
    }

    @Test
    void missingProfileNamesTheStackLine() {
        TestFiles.write(overrides.resolve("stack.yaml"), "products: [demo]\nprofiles:\n  demo:\n    - ha\n    - hq\nenvironments:\n  dev: {}\n");
        TestFiles.write(overrides.resolve("profiles/ha.yaml.j2"), "replicaCount: 2\n");
        UserError e = assertThrows(UserError.class, () -> renderer().render(stack(), layout));
        assertEquals(overrides.resolve("stack.yaml").toString(), e.file());
        assertEquals(5, e.line());
        assertTrue(e.problem().startsWith("profile 'hq' of demo in environment 'dev' does not exist"), e.problem());
        assertEquals("create profiles/hq.yaml.j2 or choose one of [ha]", e.hint());
    }

    @Test
    void includeOutsideOverridesFolderIsRefused() {
        TestFiles.write(tmp.resolve("secret.txt"), "password: x\n");
        TestFiles.write(overrides.resolve("demo.yaml.j2"), "{% include '../secret.txt' %}\n");
        UserError e = assertThrows(UserError.class, () -> renderer().render(stack(), layout));
        assertTrue(e.problem().contains("outside the overrides folder"), e.problem());
    }

    @Test
    void schemaViolationNamesPathOverrideFileAndLine() {
        Path template = TestFiles.write(overrides.resolve("demo.yaml.j2"), "image:\n  repository: nginx\n  tga: \"1\"\nreplicaCount: \"{{ replicas }}\"\n");
        UserError e = assertThrows(UserError.class, () -> renderer().render(stack(), layout));
        assertEquals(template.toString(), e.file());
        assertEquals(3, e.line(), "the first finding, in file order");
        assertTrue(e.problem().startsWith("values of demo in environment 'dev' do not match "), e.problem());
        assertTrue(e.problem().contains("\n  " + template + ":3: image.tga: unknown key 'tga' in image; allowed: repository, tag"), e.problem());
        assertTrue(e.problem().contains("\n  " + template + ":4: replicaCount: string found, integer expected"), e.problem());
        assertFalse(Files.exists(layout.sourceMapFile(new ChartTarget("dev", "demo"))));
    }

    @Test
    void templateRenderingInvalidYamlPointsAtTheTemplateLine() {
        Path template = TestFiles.write(overrides.resolve("demo.yaml.j2"), "replicaCount: 1\nimage:\n  tag: [{{ replicas }}\n");
        UserError e = assertThrows(UserError.class, () -> renderer().render(stack(), layout));
        assertEquals(template.toString(), e.file());
        assertTrue(e.problem().startsWith("the template renders invalid YAML"), e.problem());
    }

    @Test
    void stackWithoutEnvironmentsIsRejected() {
        TestFiles.write(overrides.resolve("stack.yaml"), "facts: {}\n");
        UserError e = assertThrows(UserError.class, () -> Stack.load(overrides.resolve("stack.yaml")));
        assertEquals("required property 'environments' not found", e.problem());
        assertEquals(1, e.line());
    }
}
