package dev.dcforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * The stack file: shared facts, the products each environment runs, the profiles each product uses,
 * per-environment overrides of any of them. Checked against {@code dcforge/stack.schema.json}.
 *
 * <pre>
 * facts:                       # variables in every override template (closed set, see the schema)
 *   domain: example.com
 * products: [jira, confluence] # default product list
 * profiles:                    # overrides/profiles/&lt;name&gt;.yaml.j2 per product, in order
 *   confluence: [ha, managed-synchrony]
 * environments:
 *   dev:
 *     products: [jira]         # optional, replaces the default list
 *     profiles: {jira: []}     # optional, replaces the list of the products named
 *     facts: {replicas: 1}     # optional, deep-merged over the shared facts
 * </pre>
 */
public record Stack(Path file, Map<String, Environment> environments, YamlLines lines) {
    /** Environment used when a chart repository has no stack file. */
    public static final String DEFAULT_ENVIRONMENT = "default";

    /** A stack built in code (no file lines to point at). */
    public Stack(Path file, Map<String, Environment> environments) {
        this(file, environments, YamlLines.of(""));
    }

    /** A profile named in the stack file, with the values path that named it (for error lines). */
    public record ProfileRef(String name, String stackPath) {
    }

    public record Environment(String name, List<String> products, ObjectNode facts, Map<String, List<ProfileRef>> profiles) {
        public Environment(String name, List<String> products, ObjectNode facts) {
            this(name, products, facts, Map.of());
        }

        public String namespace() {
            return facts.path("namespace").asText(name);
        }

        /** The environment's Kubernetes version fact, or null. */
        public String kubernetesVersion() {
            JsonNode v = facts.get("kubernetesVersion");
            return v == null || v.isNull() ? null : v.asText();
        }

        /** Profiles of a product in this environment, in application order. */
        public List<ProfileRef> profilesOf(String product) {
            return profiles.getOrDefault(product, List.of());
        }
    }

    public static Stack load(Path file) {
        String text = Yaml.readText(file);
        JsonNode parsed = Yaml.parse(text, file.toString());
        YamlLines lines = YamlLines.of(text);
        if (parsed.isMissingNode() || parsed.isNull()) {
            throw new UserError(file.toString(), 1, "the stack file is empty",
                    "add 'environments:' with at least one environment, e.g. dev: {}");
        }
        if (parsed.path("environments") instanceof ObjectNode declared) {
            // "dev:" with nothing after it means an environment with no settings of its own
            declared.fields().forEachRemaining(e -> {
                if (e.getValue().isNull() || (e.getValue().isTextual() && e.getValue().asText().isEmpty())) {
                    e.setValue(Yaml.mapper().createObjectNode());
                }
            });
        }
        StackSchema.check(file, parsed, lines);
        ObjectNode root = (ObjectNode) parsed;
        ObjectNode shared = root.path("facts") instanceof ObjectNode o ? o : Yaml.mapper().createObjectNode();
        List<String> defaultProducts = strings(root.path("products"));
        Map<String, List<ProfileRef>> defaultProfiles = profiles(root.path("profiles"), "profiles");
        Map<String, Environment> envs = new LinkedHashMap<>();
        root.path("environments").fields().forEachRemaining(e -> {
            JsonNode env = e.getValue();
            ObjectNode facts = shared.deepCopy();
            if (env.path("facts") instanceof ObjectNode own) {
                Values.deepMerge(facts, own);
            }
            List<String> products = env.has("products") ? strings(env.path("products")) : defaultProducts;
            Map<String, List<ProfileRef>> profiles = new LinkedHashMap<>(defaultProfiles);
            profiles.putAll(profiles(env.path("profiles"), YamlLines.child(YamlLines.child("environments", e.getKey()), "profiles")));
            if (products.isEmpty()) {
                throw new UserError(file.toString(), lines.nearestLine(YamlLines.child("environments", e.getKey())),
                        "environment '" + e.getKey() + "' runs no products",
                        "list products at the top level ('products: [jira, confluence]') or under the environment");
            }
            envs.put(e.getKey(), new Environment(e.getKey(), products, facts, profiles));
        });
        return new Stack(file, envs, lines);
    }

    /** A chart repository without a stack file: one environment with every application chart, no facts. */
    public static Stack implicit(Path chartsDir) {
        List<String> charts = applicationCharts(chartsDir);
        return new Stack(null, Map.of(DEFAULT_ENVIRONMENT,
                new Environment(DEFAULT_ENVIRONMENT, charts, Yaml.mapper().createObjectNode())), YamlLines.of(""));
    }

    /** The line of a path in the stack file (or of its nearest ancestor), 0 when unknown. */
    public int line(String path) {
        return lines.nearestLine(path);
    }

    /** Chart folders (with Chart.yaml) that are not library charts, sorted by name. */
    public static List<String> applicationCharts(Path chartsDir) {
        List<String> charts = new ArrayList<>();
        if (!Files.isDirectory(chartsDir)) {
            throw new UserError(chartsDir.toString(), 0, "charts folder not found", "set chartsDirectory to the folder holding your charts");
        }
        try (var dirs = Files.list(chartsDir)) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                Path chartYaml = dir.resolve("Chart.yaml");
                if (Files.isRegularFile(chartYaml) && !"library".equals(Yaml.readObject(chartYaml, "Chart.yaml").path("type").asText())) {
                    charts.add(dir.getFileName().toString());
                }
            }
        } catch (java.io.IOException e) {
            throw new UserError(chartsDir.toString(), 0, "cannot list charts: " + e.getMessage(), "check permissions");
        }
        return charts;
    }

    private static Map<String, List<ProfileRef>> profiles(JsonNode map, String path) {
        Map<String, List<ProfileRef>> out = new LinkedHashMap<>();
        map.fields().forEachRemaining(e -> {
            List<ProfileRef> refs = new ArrayList<>();
            String productPath = YamlLines.child(path, e.getKey());
            for (int i = 0; i < e.getValue().size(); i++) {
                refs.add(new ProfileRef(e.getValue().get(i).asText(), YamlLines.index(productPath, i)));
            }
            out.put(e.getKey(), List.copyOf(refs));
        });
        return out;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
