package dev.dcforge.diff;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.render.Stack;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.UserError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;

/**
 * dcforge:diff: renders the stack at a base (a git ref exported into {@code target/dcforge/diff-base/},
 * or a folder of previously rendered manifests) and in the working tree ({@code target/dcforge/diff-head/}),
 * compares them object by object and writes the Markdown report.
 */
public final class PullRequestDiff {
    private final Path projectDir;
    private final OutputLayout layout;
    private final Function<Stack.Environment, String> kubeVersion;
    private final int context;

    public PullRequestDiff(Path projectDir, OutputLayout layout, Function<Stack.Environment, String> kubeVersion, int context) {
        this.projectDir = projectDir;
        this.layout = layout;
        this.kubeVersion = kubeVersion;
        this.context = context;
    }

    public DiffReport run(String base, StackManifests.Sources head, Path markdownFile) {
        if (base == null || base.isBlank()) {
            throw new UserError("dcforge.diff.base", 0, "no base to compare with",
                    "run with -Ddcforge.diff.base=<git ref> (for example origin/main) or a folder of rendered manifests");
        }
        StackManifests stacks = new StackManifests();
        Path folder = projectDir.resolve(base.strip());
        Map<ChartTarget, Path> baseManifests;
        String label;
        if (Files.isDirectory(folder)) {
            baseManifests = StackManifests.fromFolder(folder);
            label = base.strip();
        } else {
            GitBase git = new GitBase(projectDir);
            Path export = layout.diffDir("base").resolve("src");
            String commit = git.export(base.strip(), export);
            StackManifests.Sources baseSources = new StackManifests.Sources(
                    git.inExport(head.chartsDir(), export, "the charts folder"),
                    git.inExport(head.overridesDir(), export, "the overrides folder"),
                    git.inExport(head.stackFile(), export, "the stack file"));
            try {
                baseManifests = stacks.build(baseSources, new OutputLayout(layout.diffDir("base").resolve("out")), kubeVersion);
            } catch (UserError e) {
                throw new UserError(e.file(), e.line(), "rendering the base " + base.strip() + " failed: " + e.problem(),
                        "the base must build; compare with another ref or a folder of manifests (" + e.hint() + ")", e);
            }
            label = base.strip() + " (" + commit.substring(0, Math.min(12, commit.length())) + ")";
        }
        Map<ChartTarget, Path> headManifests = stacks.build(head, new OutputLayout(layout.diffDir("head")), kubeVersion);
        DiffReport report = new DiffReport(label, new ManifestDiff(context).compare(baseManifests, headManifests));
        AtomicFiles.write(markdownFile, report.markdown());
        return report;
    }
}
