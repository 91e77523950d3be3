package dev.dcforge.diff;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.render.OverridesRenderer;
import dev.dcforge.render.Stack;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.UserError;
import dev.dcforge.template.StackTemplater;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

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
        List<StackTemplater.Job> jobs = new ArrayList<>();
        for (Stack.Environment env : stack.environments().values()) {
            for (String chart : env.products()) {
                jobs.add(new StackTemplater.Job(new ChartTarget(env.name(), chart), env.namespace(), kubeVersion.apply(env)));
            }
        }
        return new StackTemplater().template(jobs, sources.chartsDir(), out, null);
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
