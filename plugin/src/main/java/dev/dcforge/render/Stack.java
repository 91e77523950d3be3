package dev.dcforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack file: shared facts, the products each environment runs, per-environment fact overrides.
 *
 * <pre>
 * facts:            # variables in every override template
 *   domain: example.com
 * products: [jira, confluence]
 * environments:
 *   dev:
 *     products: [jira]     # optional, replaces the default list
 *     facts: {replicas: 1} # optional, deep-merged over the shared facts
 * </pre>
 */
public record Stack(Path file, Map<String, Environment> environments) {
    /** Environment used when a chart repository has no stack file. */
    public static final String DEFAULT_ENVIRONMENT = "default";

    public record Environment(String name, List<String> products, ObjectNode facts) {
        public String namespace() {
            return facts.path("namespace").asText(name);
        }

        /** The environment's Kubernetes version fact, or null. */
        public String kubernetesVersion() {
            JsonNode v = facts.get("kubernetesVersion");
            return v == null || v.isNull() ? null : v.asText();
        }
    }

    public static Stack load(Path file) {
        ObjectNode root = Yaml.readObject(file, "the stack file");
        ObjectNode shared = root.path("facts") instanceof ObjectNode o ? o : Yaml.mapper().createObjectNode();
        List<String> defaultProducts = strings(root.path("products"));
        Map<String, Environment> envs = new LinkedHashMap<>();
        JsonNode environments = root.path("environments");
        if (!environments.isObject() || environments.isEmpty()) {
            throw new UserError(file.toString(), 1, "the stack file defines no environments",
                    "add 'environments:' with at least one environment, e.g. dev: {}");
        }
        environments.fields().forEachRemaining(e -> {
            JsonNode env = e.getValue();
            ObjectNode facts = shared.deepCopy();
            if (env.path("facts") instanceof ObjectNode own) {
                Values.deepMerge(facts, own);
            }
            List<String> products = env.has("products") ? strings(env.path("products")) : defaultProducts;
            envs.put(e.getKey(), new Environment(e.getKey(), products, facts));
        });
        return new Stack(file, envs);
    }

    /** A chart repository without a stack file: one environment with every application chart, no facts. */
    public static Stack implicit(Path chartsDir) {
        List<String> charts = applicationCharts(chartsDir);
        return new Stack(null, Map.of(DEFAULT_ENVIRONMENT,
                new Environment(DEFAULT_ENVIRONMENT, charts, Yaml.mapper().createObjectNode())));
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

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
