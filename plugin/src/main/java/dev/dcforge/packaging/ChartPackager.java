package dev.dcforge.packaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.render.Values;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * Stage 4: Helm chart archives ({@code <name>-<version>.tgz}) from a staged chart. An environment's
 * archive carries the chart defaults merged with that environment's rendered values, so
 * {@code helm install} needs no values file.
 */
public final class ChartPackager {
    private final Instant timestamp;

    public ChartPackager(Instant timestamp) {
        this.timestamp = timestamp;
    }

    /**
     * @param stagedChart    the staged chart folder (see the template stage's ChartStager)
     * @param renderedValues the environment's values (overrides), or null for the plain chart
     * @param destinationDir folder the archive goes to
     * @return the archive written
     */
    public Path packageChart(Path stagedChart, Path renderedValues, Path destinationDir) {
        ObjectNode chartYaml = Yaml.readObject(stagedChart.resolve("Chart.yaml"), "Chart.yaml");
        String name = chartYaml.path("name").asText("");
        String version = chartYaml.path("version").asText("");
        ReproducibleTgz tgz = new ReproducibleTgz(timestamp);
        try (Stream<Path> files = Files.walk(stagedChart)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                tgz.add(name + "/" + stagedChart.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UserError(stagedChart.toString(), 0, "cannot read staged chart: " + e.getMessage(),
                    "run the template goal first");
        }
        if (renderedValues != null) {
            ObjectNode merged = Yaml.readObject(stagedChart.resolve("values.yaml"), "values.yaml");
            Values.deepMerge(merged, Yaml.readObject(renderedValues, "rendered values"));
            tgz.add(name + "/values.yaml", Yaml.write(merged));
        }
        Path archive = destinationDir.resolve(name + "-" + version + ".tgz");
        AtomicFiles.write(archive, tgz.toBytes());
        return archive;
    }
}
