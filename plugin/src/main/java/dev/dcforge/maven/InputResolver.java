package dev.dcforge.maven;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;
import dev.dcforge.template.ChartArchiveCheck;
import dev.dcforge.template.ChartStager;
import dev.dcforge.template.HelmTemplater;
import dev.dcforge.validate.Validator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns {@code -Ddcforge.input=PATH} into validator inputs: a manifest file, a folder of manifests,
 * a chart folder or a chart .tgz (the last two rendered with their defaults or a given values file).
 */
public final class InputResolver {
    /** Environment name given to everything validated through dcforge.input. */
    public static final String INPUT_ENVIRONMENT = "input";
    private static final String NAMESPACE = "default";

    private final OutputLayout layout;
    private final String kubeVersion;

    public InputResolver(OutputLayout layout, String kubeVersion) {
        this.layout = layout;
        this.kubeVersion = kubeVersion;
    }

    public List<Validator.Input> resolve(Path input, Path valuesFile) {
        if (!Files.exists(input)) {
            throw new UserError(input.toString(), 0, "dcforge.input not found",
                    "give a manifest file, a folder of manifests, a chart folder or a chart .tgz");
        }
        if (valuesFile != null && !Files.isRegularFile(valuesFile)) {
            throw new UserError(valuesFile.toString(), 0, "dcforge.values not found", "fix the path of the values file");
        }
        if (Files.isDirectory(input) && Files.isRegularFile(input.resolve("Chart.yaml"))) {
            Path staged = new ChartStager().stage(input, layout.stagingDir());
            return List.of(templated(staged, input, valuesFile, chartName(staged)));
        }
        String name = input.getFileName().toString();
        if (Files.isRegularFile(input) && name.endsWith(".tgz")) {
            ChartArchiveCheck.check(input);
            return List.of(templated(input, input, valuesFile, name.substring(0, name.length() - 4)));
        }
        List<Validator.Input> inputs = new ArrayList<>();
        for (Path file : manifestFiles(input)) {
            Path rel = Files.isDirectory(input) ? input.relativize(file) : file.getFileName();
            String chart = rel.toString().replace('\\', '/').replaceAll("\\.ya?ml$", "");
            inputs.add(new Validator.Input(new ChartTarget(INPUT_ENVIRONMENT, chart), file, null, NAMESPACE, kubeVersion));
        }
        if (inputs.isEmpty()) {
            throw new UserError(input.toString(), 0, "no .yaml or .yml files to validate", "point dcforge.input at Kubernetes manifests");
        }
        return inputs;
    }

    private Validator.Input templated(Path chart, Path source, Path valuesFile, String chartName) {
        ChartTarget target = new ChartTarget(INPUT_ENVIRONMENT, chartName);
        Path manifest = layout.manifestFile(target);
        AtomicFiles.delete(manifest);
        String text = new HelmTemplater().template(chart, source, valuesFile, chartName, NAMESPACE, kubeVersion);
        AtomicFiles.write(manifest, text);
        return new Validator.Input(target, manifest, Files.isDirectory(source) ? source : null, NAMESPACE, kubeVersion);
    }

    private static String chartName(Path chartDir) {
        return Yaml.readObject(chartDir.resolve("Chart.yaml"), "Chart.yaml").path("name").asText(chartDir.getFileName().toString());
    }

    private static List<Path> manifestFiles(Path input) {
        if (Files.isRegularFile(input)) {
            return List.of(input);
        }
        try (Stream<Path> files = Files.walk(input)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches(".*\\.ya?ml$"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UserError(input.toString(), 0, "cannot list files: " + e.getMessage(), "check permissions");
        }
    }
}
