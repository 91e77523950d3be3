package dev.dcforge.diff;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.render.OverridesRenderer;
import dev.dcforge.render.Stack;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.template.ChartStager;
import dev.dcforge.template.HelmTemplater;

import dev.dcforge.support.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.util.stream.Stream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Render and template of a whole stack into an output folder of its own, with the same classes as the
 * build's render and template stages: what dcforge:diff compares on each side.
 */
public final class StackManifests {
    /** The source tree of one side: charts folder, overrides folder and stack file (which may be absent). */
    public record Sources(Path chartsDir, Path overridesDir, Path stackFile) {
        public Stack stack() {
            return Files.isRegularFile(stackFile) ? Stack.load(stackFile) : Stack.implicit(chartsDir);
        }
    }

    /** @return manifest file per environment/chart */
    public Map<ChartTarget, Path> build(Sources sources, OutputLayout out, Function<Stack.Environment, String> kubeVersion) {
        AtomicFiles.deleteTree(out.root());
        Stack stack = sources.stack();
        new OverridesRenderer(sources.overridesDir(), sources.chartsDir()).render(stack, out);
        HelmTemplater helm = new HelmTemplater();
        ChartStager stager = new ChartStager();
        Set<String> staged = new HashSet<>();
        Map<ChartTarget, Path> manifests = new TreeMap<>();
        for (Stack.Environment env : stack.environments().values()) {
            for (String chart : env.products()) {
                ChartTarget target = new ChartTarget(env.name(), chart);
                if (staged.add(chart)) {
                    stager.stage(sources.chartsDir().resolve(chart), out.stagingDir());
                }
                String text = helm.template(out.stagingDir().resolve(chart), sources.chartsDir().resolve(chart),
                        out.valuesFile(target), chart, env.namespace(), kubeVersion.apply(env));
                Path manifest = out.manifestFile(target);
                AtomicFiles.write(manifest, text);
                manifests.put(target, manifest);
            }
        }
        return manifests;
    }

    /** A folder of previously rendered manifests laid out as {@code <env>/<chart>.yaml} (a build's {@code target/dcforge/manifests}). */
    public static Map<ChartTarget, Path> fromFolder(Path folder) {
        Map<ChartTarget, Path> manifests = new TreeMap<>();
        try (Stream<Path> envs = Files.list(folder)) {
            for (Path env : envs.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> files = Files.list(env)) {
                    for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList()) {
                        String name = f.getFileName().toString();
                        manifests.put(new ChartTarget(env.getFileName().toString(), name.substring(0, name.length() - 5)), f);
                    }
                }
            }
        } catch (IOException e) {
            throw new UserError(folder.toString(), 0, "cannot list manifests: " + e.getMessage(), "check permissions");
        }
        if (manifests.isEmpty()) {
            throw new UserError(folder.toString(), 0, "no manifests laid out as <environment>/<chart>.yaml",
                    "point dcforge.diff.base at a git ref or at a folder like target/dcforge/manifests of an earlier build");
        }
        return manifests;
    }
}
