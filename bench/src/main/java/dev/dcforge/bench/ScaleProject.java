package dev.dcforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.render.Stack;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.Yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A generated chart repository of N charts × M environments, cloned from the reference charts and stack:
 * chart i is a copy of reference chart (i mod k) under a new name (library charts copied as they are), and
 * environment j a copy of reference environment (j mod e) running every generated chart, with its override
 * folder and the product override files copied under the new names.
 */
final class ScaleProject {
    private static final Pattern CHART_NAME = Pattern.compile("(?m)^name:.*$");

    private ScaleProject() {
    }

    /** Splits a number of combinations into environments × charts (10 environments from 10 combinations on). */
    static int[] shape(int combinations) {
        int envs = combinations >= 10 ? 10 : 1;
        int charts = Math.max(1, Math.round(combinations / (float) envs));
        return new int[]{charts, envs};
    }

    static Path generate(Path repoRoot, Path projectDir, int charts, int envs) {
        Path refCharts = repoRoot.resolve("charts");
        Path refOverrides = repoRoot.resolve("overrides");
        Stack reference = Workspace.referenceStack(refCharts, refOverrides);
        List<String> baseCharts = reference.environments().values().stream()
                .flatMap(e -> e.products().stream()).distinct().sorted().toList();
        List<String> baseEnvs = new ArrayList<>(reference.environments().keySet());
        Path chartsOut = projectDir.resolve("charts");
        Path overridesOut = projectDir.resolve("overrides");
        try {
            Files.createDirectories(chartsOut);
            Files.createDirectories(overridesOut);
            // library charts (and anything else that is not an application chart of the stack) as they are
            try (Stream<Path> dirs = Files.list(refCharts)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    String name = dir.getFileName().toString();
                    if (!baseCharts.contains(name) && Files.isRegularFile(dir.resolve("Chart.yaml"))) {
                        Builds.copyTree(dir, chartsOut.resolve(name), false);
                    }
                }
            }
            List<String> chartNames = new ArrayList<>();
            for (int i = 0; i < charts; i++) {
                String base = baseCharts.get(i % baseCharts.size());
                String name = String.format("%s-%03d", base, i);
                chartNames.add(name);
                Path dest = chartsOut.resolve(name);
                Builds.copyTree(refCharts.resolve(base), dest, false);
                Path chartYaml = dest.resolve("Chart.yaml");
                AtomicFiles.write(chartYaml, CHART_NAME.matcher(Yaml.readText(chartYaml)).replaceFirst("name: " + name));
            }
            // overrides: everything that is not per environment as it is, product files under every new chart name
            if (Files.isDirectory(refOverrides)) {
                try (Stream<Path> entries = Files.list(refOverrides)) {
                    for (Path entry : entries.toList()) {
                        String name = entry.getFileName().toString();
                        if (Files.isDirectory(entry) && baseEnvs.contains(name)) {
                            continue;
                        }
                        if (Files.isDirectory(entry)) {
                            Builds.copyTree(entry, overridesOut.resolve(name), false);
                        } else if (!name.equals("stack.yaml")) {
                            Files.copy(entry, overridesOut.resolve(name));
                        }
                    }
                }
                copyProductFiles(refOverrides, overridesOut, chartNames);
            }
            ObjectNode stack = reference.file() != null ? Yaml.readObject(reference.file(), "stack file")
                    : Yaml.mapper().createObjectNode();
            ObjectNode oldEnvs = stack.path("environments") instanceof ObjectNode o ? o : Yaml.mapper().createObjectNode();
            ObjectNode newEnvs = Yaml.mapper().createObjectNode();
            ArrayNode products = Yaml.mapper().createArrayNode();
            chartNames.forEach(products::add);
            for (int j = 0; j < envs; j++) {
                String base = baseEnvs.get(j % baseEnvs.size());
                String name = String.format("e%03d", j);
                JsonNode old = oldEnvs.get(base);
                ObjectNode env = old instanceof ObjectNode o ? o.deepCopy() : Yaml.mapper().createObjectNode();
                env.set("products", products.deepCopy());
                if (env.path("facts") instanceof ObjectNode facts && facts.has("namespace")) {
                    facts.put("namespace", facts.path("namespace").asText() + "-" + name);
                }
                cloneProfiles(env.get("profiles"), chartNames, overridesOut);
                newEnvs.set(name, env);
                Path envOverrides = refOverrides.resolve(base);
                if (Files.isDirectory(envOverrides)) {
                    Path dest = overridesOut.resolve(name);
                    Builds.copyTree(envOverrides, dest, false);
                    copyProductFiles(envOverrides, dest, chartNames);
                }
            }
            cloneProfiles(stack.get("profiles"), chartNames, overridesOut);
            stack.set("environments", newEnvs);
            stack.set("products", products);
            AtomicFiles.write(overridesOut.resolve("stack.yaml"), Yaml.write(stack));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return projectDir;
    }

    /** {@code <base>.yaml.j2} → {@code <base>-NNN.yaml.j2} for every generated chart of that base. */
    private static void copyProductFiles(Path from, Path to, List<String> chartNames) throws IOException {
        for (String chart : chartNames) {
            String base = chart.substring(0, chart.lastIndexOf('-'));
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    String name = f.getFileName().toString();
                    if (name.startsWith(base + ".")) {
                        Files.copy(f, to.resolve(chart + name.substring(base.length())));
                    }
                }
            }
        }
    }

    /**
     * The profiles of a product ({@code profiles: {jira: [ha, ...]}}) for each of its copies: a copy of each
     * profile that renders with {@code product} set to the base product (profiles write the product's own
     * values key, e.g. {@code jira:}), on the same lines.
     */
    private static void cloneProfiles(JsonNode node, List<String> chartNames, Path overridesOut) throws IOException {
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        List<String> keys = new ArrayList<>();
        object.fieldNames().forEachRemaining(keys::add);
        for (String base : keys) {
            JsonNode list = object.get(base);
            for (String chart : chartNames) {
                if (!chart.substring(0, chart.lastIndexOf('-')).equals(base)) {
                    continue;
                }
                ArrayNode renamed = Yaml.mapper().createArrayNode();
                for (JsonNode profile : list) {
                    String name = profile.asText() + "--" + chart;
                    Path source = overridesOut.resolve("profiles").resolve(profile.asText() + ".yaml.j2");
                    Path copy = overridesOut.resolve("profiles").resolve(name + ".yaml.j2");
                    if (Files.isRegularFile(source) && !Files.exists(copy)) {
                        Files.writeString(copy, "{% set product = '" + base + "' %}" + Files.readString(source));
                    }
                    renamed.add(name);
                }
                object.set(chart, renamed);
            }
            object.remove(base);
        }
    }

    static Map<String, Integer> describe(int charts, int envs) {
        return Map.of("charts", charts, "environments", envs, "combinations", charts * envs);
    }
}
