package dev.dcforge.charts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import dev.dcforge.template.HelmTemplater;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Shared helpers for the chart tests: locating charts, rendering, parsing manifests. */
final class ChartSupport {

    static final String NAMESPACE = "atl";
    static final String KUBE_VERSION = "1.32.0";
    static final List<String> CHARTS = List.of("confluence", "jira");
    static final ObjectMapper YAML = new YAMLMapper();
    static final boolean REFRESH = Boolean.getBoolean("dcforge.refreshGolden");

    private static final Set<String> DEPENDENCIES_UPDATED = new HashSet<>();
    private static final HelmTemplater TEMPLATER = new HelmTemplater();

    private ChartSupport() {
    }

    /** The charts module directory: -Ddcforge.chartsDir (set by the pom), else the working directory. */
    static Path chartsDir() {
        String configured = System.getProperty("dcforge.chartsDir");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        Path here = Path.of("").toAbsolutePath();
        return Files.isDirectory(here.resolve("common")) ? here : here.resolve("charts");
    }

    /**
     * The chart directory, with its file://../common dependency packaged into charts/ first:
     * Helm only loads dependencies present there, and the packaged copy is git-ignored.
     */
    static synchronized Path chart(String name) {
        Path dir = chartsDir().resolve(name);
        if (DEPENDENCIES_UPDATED.add(name)) {
            new Helm(dir).dependency().update().call();
        }
        return dir;
    }

    static String release(String chart) {
        return "unittest-" + chart;
    }

    static Path valuesDir(String chart) {
        return chartsDir().resolve("src/test/resources/values").resolve(chart);
    }

    static List<Path> valueFiles(String chart) {
        try (Stream<Path> files = Files.list(valuesDir(chart))) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(String chart, Path values) {
        return TEMPLATER.template(chart(chart), values, release(chart), NAMESPACE, KUBE_VERSION);
    }

    /** Renders with inline values text (written to a temporary file). */
    static String renderInline(String chart, String valuesYaml) {
        try {
            Path tmp = Files.createTempFile("values-" + chart, ".yaml");
            try {
                Files.writeString(tmp, valuesYaml);
                return render(chart, tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> parse(String manifests) {
        List<JsonNode> docs = new ArrayList<>();
        try (var parser = new YAMLFactory().createParser(manifests)) {
            var it = YAML.readValues(parser, JsonNode.class);
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.has("kind")) {
                    docs.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    static List<JsonNode> ofKind(List<JsonNode> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    static JsonNode one(List<JsonNode> docs, String kind, String name) {
        return docs.stream()
                .filter(d -> kind.equals(d.path("kind").asText()) && name.equals(d.path("metadata").path("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name + " in the rendered output"));
    }

    static JsonNode container(JsonNode workload, String name) {
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode c : workload.path("spec").path("template").path("spec").path(list)) {
                if (name.equals(c.path("name").asText())) {
                    return c;
                }
            }
        }
        throw new AssertionError("no container " + name + " in " + workload.path("metadata").path("name").asText());
    }

    static List<String> envNames(JsonNode container) {
        List<String> names = new ArrayList<>();
        container.path("env").forEach(e -> names.add(e.path("name").asText()));
        return names;
    }

    static String envValue(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (name.equals(e.path("name").asText())) {
                return e.has("value") ? e.path("value").asText() : e.path("valueFrom").toString();
            }
        }
        throw new AssertionError("env " + name + " not set on container " + container.path("name").asText());
    }

    static List<Integer> containerPorts(JsonNode container) {
        List<Integer> ports = new ArrayList<>();
        container.path("ports").forEach(p -> ports.add(p.path("containerPort").asInt()));
        return ports;
    }

    static List<String> mountPaths(JsonNode container) {
        List<String> paths = new ArrayList<>();
        container.path("volumeMounts").forEach(m -> paths.add(m.path("mountPath").asText()));
        return paths;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
