package dev.dcforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;
import dev.dcforge.support.YamlLines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 1: renders the Jinja override templates of each environment and chart into one values file,
 * checked against the chart's values.schema.json, with a source map (values path → template line).
 *
 * <p>Layers, later wins (maps merge key by key, everything else, lists too, is replaced):
 * <ol>
 *   <li>{@code overrides/<chart>.yaml.j2}: the product, every environment;</li>
 *   <li>{@code overrides/profiles/<profile>.yaml.j2} for each profile the stack file selects for the
 *       product (environment's list if it has one, else the stack's), in the order listed;</li>
 *   <li>{@code overrides/<env>/<chart>.yaml.j2}: the product in one environment.</li>
 * </ol>
 * Missing product and environment files are skipped; a selected profile that does not exist is an error.
 * Keys of the result follow the chart's values.yaml order (keys it does not know last), so values files
 * are stable and read like the chart's documentation.
 */
public final class OverridesRenderer {
    public static final String PROFILES_DIR = "profiles";

    private final Path overridesDir;
    private final Path chartsDir;
    private final TemplateEngine engine;
    private final ValuesSchemaCheck schemaCheck = new ValuesSchemaCheck();

    public OverridesRenderer(Path overridesDir, Path chartsDir) {
        this.overridesDir = overridesDir.toAbsolutePath().normalize();
        this.chartsDir = chartsDir;
        this.engine = new TemplateEngine(this.overridesDir);
    }

    /** One rendered values file. */
    public record RenderedValues(ChartTarget target, Path file, ObjectNode values, List<Path> layers, SourceMap sources) {
    }

    public List<RenderedValues> render(Stack stack, OutputLayout layout) {
        List<RenderedValues> result = new ArrayList<>();
        for (Stack.Environment env : stack.environments().values()) {
            for (String chart : env.products()) {
                result.add(render(stack, env, chart, layout));
            }
        }
        return result;
    }

    public RenderedValues render(Stack.Environment env, String chart, OutputLayout layout) {
        return render(null, env, chart, layout);
    }

    /** The template files of one environment and chart, in layering order. */
    public List<Path> layers(Stack stack, Stack.Environment env, String chart) {
        List<Path> layers = new ArrayList<>();
        Path product = overridesDir.resolve(chart + ".yaml.j2");
        if (Files.exists(product)) {
            layers.add(product);
        }
        for (Stack.ProfileRef ref : env.profilesOf(chart)) {
            Path profile = overridesDir.resolve(PROFILES_DIR).resolve(ref.name() + ".yaml.j2");
            if (!Files.exists(profile)) {
                String stackFile = stack == null || stack.file() == null ? overridesDir.resolve("stack.yaml").toString() : stack.file().toString();
                throw new UserError(stackFile, stack == null ? 0 : stack.line(ref.stackPath()),
                        "profile '" + ref.name() + "' of " + chart + " in environment '" + env.name() + "' does not exist: no " + profile,
                        "create " + PROFILES_DIR + "/" + ref.name() + ".yaml.j2 or choose one of " + availableProfiles());
            }
            layers.add(profile);
        }
        Path envFile = overridesDir.resolve(env.name()).resolve(chart + ".yaml.j2");
        if (Files.exists(envFile)) {
            layers.add(envFile);
        }
        return layers;
    }

    private List<String> availableProfiles() {
        List<String> names = new ArrayList<>();
        try (var files = Files.list(overridesDir.resolve(PROFILES_DIR))) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".yaml.j2")).sorted()
                    .forEach(n -> names.add(n.substring(0, n.length() - ".yaml.j2".length())));
        } catch (java.io.IOException e) {
            // no profiles folder: none available
        }
        return names;
    }

    public RenderedValues render(Stack stack, Stack.Environment env, String chart, OutputLayout layout) {
        ChartTarget target = new ChartTarget(env.name(), chart);
        Path chartDir = chartsDir.resolve(chart);
        String stackFile = stack == null || stack.file() == null ? overridesDir.resolve("stack.yaml").toString() : stack.file().toString();
        if (!Files.isRegularFile(chartDir.resolve("Chart.yaml"))) {
            throw new UserError(stackFile, stack == null ? 0 : stack.line(YamlLines.child(YamlLines.child("environments", env.name()), "products")),
                    "environment '" + env.name() + "' runs product '" + chart + "' but there is no chart " + chartDir,
                    "add the chart or remove the product from the stack file");
        }
        Path out = layout.valuesFile(target);
        Path sourcesFile = layout.sourceMapFile(target);
        AtomicFiles.delete(out);
        AtomicFiles.delete(sourcesFile);
        ObjectNode values = Yaml.mapper().createObjectNode();
        SourceMap sources = SourceMap.empty();
        List<Path> layers = layers(stack, env, chart);
        Map<String, Object> variables = variables(env, chart);
        for (Path layer : layers) {
            TemplateEngine.Rendered rendered = engine.render(layer, variables);
            ObjectNode layerValues = parse(rendered);
            SourceMap layerSources = layerSources(rendered);
            sources.merge(values, layerValues, layerSources, "");
            Values.deepMerge(values, layerValues);
        }
        Path defaults = chartDir.resolve("values.yaml");
        if (Files.isRegularFile(defaults)) {
            values = Values.orderLike(values, Yaml.readObject(defaults, "values.yaml"));
        }
        schemaCheck.check(chartDir, values, target, sources);
        AtomicFiles.write(out, Yaml.write(values));
        Path base = overridesDir.getParent() == null ? overridesDir : overridesDir.getParent();
        SourceMap persisted = sources.ordered(values, base);
        persisted.write(sourcesFile, target);
        return new RenderedValues(target, out, values, List.copyOf(layers), persisted);
    }

    /** What templates see: every fact as a variable, plus environment, chart (= product), namespace, profiles. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> variables(Stack.Environment env, String chart) {
        Map<String, Object> context = new LinkedHashMap<>(Yaml.mapper().convertValue(env.facts(), Map.class));
        context.put("environment", env.name());
        context.put("chart", chart);
        context.put("product", chart);
        context.putIfAbsent("namespace", env.namespace());
        context.put("profiles", env.profilesOf(chart).stream().map(Stack.ProfileRef::name).toList());
        return context;
    }

    private static ObjectNode parse(TemplateEngine.Rendered rendered) {
        String name = rendered.template() + " (rendered)";
        JsonNode node;
        try {
            node = Yaml.parse(rendered.output().text(), name);
        } catch (UserError e) {
            // point at the template line that produced the bad YAML line
            TemplateEngine.Source at = rendered.source(e.line());
            throw new UserError(at.file().toString(), at.line(), e.problem().replaceFirst("^invalid YAML", "the template renders invalid YAML")
                    + (e.line() > 0 ? " (rendered line " + e.line() + ")" : ""), "fix the template so that it renders 'key: value' YAML");
        }
        if (node.isMissingNode() || node.isNull()) {
            return Yaml.mapper().createObjectNode();
        }
        if (!(node instanceof ObjectNode object)) {
            throw new UserError(rendered.template().toString(), 1, "the template renders to a " + node.getNodeType().name().toLowerCase()
                    + ", not a mapping of values", "make the template produce 'key: value' YAML");
        }
        return object;
    }

    private static SourceMap layerSources(TemplateEngine.Rendered rendered) {
        Map<String, SourceMap.Source> entries = new LinkedHashMap<>();
        YamlLines.of(rendered.output().text()).all().forEach((path, line) -> {
            TemplateEngine.Source s = rendered.source(line);
            entries.put(path, new SourceMap.Source(s.file().toString(), s.line()));
        });
        return new SourceMap(entries);
    }
}
