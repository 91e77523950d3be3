package dev.dcforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Stage 1: renders the Jinja override templates of each environment and chart into one values file,
 * checked against the chart's values.schema.json.
 *
 * <p>Layers, later wins (maps merge, lists replace): {@code overrides/<chart>.yaml.j2}, then
 * {@code overrides/<env>/<chart>.yaml.j2}.
 */
public final class OverridesRenderer {
    static final long MAX_OUTPUT_BYTES = 1024 * 1024;
    static final int MAX_RENDER_DEPTH = 10;

    private final Path overridesDir;
    private final Path chartsDir;
    private final Jinjava jinjava;
    private final ValuesSchemaCheck schemaCheck = new ValuesSchemaCheck();

    public OverridesRenderer(Path overridesDir, Path chartsDir) {
        this.overridesDir = overridesDir.toAbsolutePath().normalize();
        this.chartsDir = chartsDir;
        this.jinjava = new Jinjava(JinjavaConfig.newBuilder()
                .withFailOnUnknownTokens(true)
                .withMaxOutputSize(MAX_OUTPUT_BYTES)
                .withMaxRenderDepth(MAX_RENDER_DEPTH)
                .withEnableRecursiveMacroCalls(false)
                .build());
        this.jinjava.setResourceLocator(new OverridesFolderLocator(this.overridesDir));
    }

    /** One rendered values file. */
    public record RenderedValues(ChartTarget target, Path file, ObjectNode values, List<Path> layers) {
    }

    public List<RenderedValues> render(Stack stack, OutputLayout layout) {
        List<RenderedValues> result = new ArrayList<>();
        for (Stack.Environment env : stack.environments().values()) {
            for (String chart : env.products()) {
                result.add(render(env, chart, layout));
            }
        }
        return result;
    }

    public RenderedValues render(Stack.Environment env, String chart, OutputLayout layout) {
        ChartTarget target = new ChartTarget(env.name(), chart);
        Path chartDir = chartsDir.resolve(chart);
        if (!Files.isRegularFile(chartDir.resolve("Chart.yaml"))) {
            throw new UserError(stackName(), 0, "environment '" + env.name() + "' runs product '" + chart
                    + "' but there is no chart " + chartDir, "add the chart or remove the product from the stack file");
        }
        Path out = layout.valuesFile(target);
        AtomicFiles.delete(out);
        ObjectNode values = Yaml.mapper().createObjectNode();
        List<Path> layers = new ArrayList<>();
        for (Path layer : List.of(overridesDir.resolve(chart + ".yaml.j2"), overridesDir.resolve(env.name()).resolve(chart + ".yaml.j2"))) {
            if (Files.isRegularFile(layer)) {
                layers.add(layer);
                Values.deepMerge(values, renderLayer(layer, env, chart));
            }
        }
        schemaCheck.check(chartDir, values, out, layers);
        AtomicFiles.write(out, Yaml.write(values));
        return new RenderedValues(target, out, values, layers);
    }

    private ObjectNode renderLayer(Path template, Stack.Environment env, String chart) {
        Map<String, Object> context = Yaml.mapper().convertValue(env.facts(), Map.class);
        context.put("environment", env.name());
        context.put("chart", chart);
        String source = Yaml.readText(template);
        RenderResult rendered = jinjava.renderForResult(source, context);
        for (TemplateError error : rendered.getErrors()) {
            if (error.getSeverity() == TemplateError.ErrorType.FATAL) {
                throw new UserError(template.toString(), error.getLineno(), "template error: " + error.getMessage(),
                        "fix the template; every variable must be defined in the stack file's facts");
            }
        }
        JsonNode node = Yaml.parse(rendered.getOutput(), template + " (rendered)");
        if (node.isMissingNode() || node.isNull()) {
            return Yaml.mapper().createObjectNode();
        }
        if (!(node instanceof ObjectNode object)) {
            throw new UserError(template.toString(), 1, "the template renders to a " + node.getNodeType().name().toLowerCase()
                    + ", not a mapping of values", "make the template produce 'key: value' YAML");
        }
        return object;
    }

    private String stackName() {
        return overridesDir.resolve("stack.yaml").toString();
    }

    /** Includes and imports resolve only to regular files inside the overrides folder. */
    static final class OverridesFolderLocator implements ResourceLocator {
        private final Path root;

        OverridesFolderLocator(Path root) {
            this.root = root;
        }

        @Override
        public String getString(String fullName, Charset encoding, com.hubspot.jinjava.interpret.JinjavaInterpreter interpreter)
                throws IOException {
            Path resolved = root.resolve(fullName).normalize();
            if (fullName.startsWith("/") || !resolved.startsWith(root)) {
                throw new ResourceNotFoundException("'" + fullName + "' is outside the overrides folder");
            }
            if (!Files.isRegularFile(resolved) || !resolved.toRealPath().startsWith(root.toRealPath())) {
                throw new ResourceNotFoundException("no template '" + fullName + "' in the overrides folder");
            }
            return Yaml.readText(resolved);
        }
    }
}
