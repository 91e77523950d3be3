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
 * {@code helm install} needs no values file; the plain archive carries the chart as it is.
 */
public final class ChartPackager {
    private final Instant timestamp;
    private final String version;
    private final String appVersion;

    public ChartPackager(Instant timestamp) {
        this(timestamp, null, null);
    }

    /**
     * @param version    chart version written into the archive's Chart.yaml instead of the chart's own, or null
     * @param appVersion appVersion written into the archive's Chart.yaml instead of the chart's own, or null
     */
    public ChartPackager(Instant timestamp, String version, String appVersion) {
        this.timestamp = timestamp;
        this.version = version;
        this.appVersion = appVersion;
    }

    /**
     * @param stagedChart    the staged chart folder (see the template stage's ChartStager)
     * @param renderedValues the environment's values (overrides), or null for the plain chart
     * @param destinationDir folder the archive goes to
     * @return the archive written
     */
    public Path packageChart(Path stagedChart, Path renderedValues, Path destinationDir) {
        Path chartYamlFile = stagedChart.resolve("Chart.yaml");
        ObjectNode chartYaml = Yaml.readObject(chartYamlFile, "Chart.yaml");
        String name = chartYaml.path("name").asText("");
        if (name.isBlank() || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new UserError(chartYamlFile.toString(), 1, "chart name '" + name + "' cannot name an archive",
                    "give Chart.yaml a name of letters, digits, '-', '_' and '.'");
        }
        ReproducibleTgz tgz = new ReproducibleTgz(timestamp);
        try (Stream<Path> files = Files.walk(stagedChart)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                tgz.add(name + "/" + stagedChart.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UserError(stagedChart.toString(), 0, "cannot read staged chart: " + e.getMessage(),
                    "run the template goal first");
        }
        if (version != null || appVersion != null) {
            if (version != null) {
                chartYaml.put("version", version);
            }
            if (appVersion != null) {
                chartYaml.put("appVersion", appVersion);
            }
            tgz.add(name + "/Chart.yaml", Yaml.write(chartYaml));
        }
        String chartVersion = chartYaml.path("version").asText("");
        if (!SemVer.isValid(chartVersion)) {
            throw new UserError(chartYamlFile.toString(), 1, "chart version '" + chartVersion + "' is not SemVer 2",
                    "set 'version:' in Chart.yaml to a version such as 1.2.3, or take it from the project (dcforge.versionFromProject=true)");
        }
        if (renderedValues != null) {
            if (!Files.isRegularFile(renderedValues)) {
                throw new UserError(renderedValues.toString(), 0, "no rendered values for chart " + name,
                        "run the render goal first (mvn package runs every stage)");
            }
            Path defaults = stagedChart.resolve("values.yaml");
            ObjectNode merged = Files.isRegularFile(defaults) ? Yaml.readObject(defaults, "values.yaml") : Yaml.mapper().createObjectNode();
            Values.deepMerge(merged, Yaml.readObject(renderedValues, "rendered values"));
            tgz.add(name + "/values.yaml", Yaml.write(merged));
        }
        Path archive = destinationDir.resolve(name + "-" + chartVersion + ".tgz");
        AtomicFiles.write(archive, tgz.toBytes());
        return archive;
    }
}
