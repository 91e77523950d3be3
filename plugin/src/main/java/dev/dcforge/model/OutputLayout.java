package dev.dcforge.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Where each stage writes under {@code target/dcforge}; stages read their inputs from here. */
public record OutputLayout(Path root) {

    public Path valuesFile(ChartTarget t) {
        return root.resolve("values").resolve(t.environment()).resolve(t.chart() + ".yaml");
    }

    /** Source map of a values file: values path → override file and line. */
    public Path sourceMapFile(ChartTarget t) {
        return root.resolve("values").resolve(t.environment()).resolve("." + t.chart() + ".sources.json");
    }

    public Path valuesDir() {
        return root.resolve("values");
    }

    /** Fingerprints of each stage's last successful run (incremental builds). */
    public Path stateDir() {
        return root.resolve(".state");
    }

    /** Working folders of dcforge:diff. */
    public Path diffDir(String side) {
        return root.resolve("diff-" + side);
    }

    public Path manifestFile(ChartTarget t) {
        return root.resolve("manifests").resolve(t.environment()).resolve(t.chart() + ".yaml");
    }

    /** Staged charts (local dependencies vendored): what is templated and packaged. */
    public Path stagingDir() {
        return root.resolve("charts");
    }

    public Path manifestsDir() {
        return root.resolve("manifests");
    }

    public Path packagesDir(String environment) {
        return root.resolve("packages").resolve(environment);
    }

    public Path packagesRoot() {
        return root.resolve("packages");
    }

    public Path reportsDir() {
        return root.resolve("reports");
    }

    public Path summaryFile() {
        return root.resolve("summary.json");
    }

    /** Every chart × environment that has rendered manifests, sorted. */
    public List<ChartTarget> renderedTargets() {
        List<ChartTarget> targets = new ArrayList<>();
        Path dir = manifestsDir();
        if (!Files.isDirectory(dir)) {
            return targets;
        }
        try (Stream<Path> envs = Files.list(dir)) {
            for (Path env : envs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(env)) {
                    files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().forEach(f -> {
                        String name = f.getFileName().toString();
                        targets.add(new ChartTarget(env.getFileName().toString(), name.substring(0, name.length() - 5)));
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        targets.sort(null);
        return targets;
    }
}
