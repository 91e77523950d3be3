package dev.dcforge.maven;

import dev.dcforge.diff.DiffReport;
import dev.dcforge.diff.PullRequestDiff;
import dev.dcforge.diff.StackManifests;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Path;

/**
 * For pull requests: renders the stack at a base (a git ref, or a folder of rendered manifests) and in
 * the working tree and prints, per environment and chart, the Kubernetes objects added, removed and
 * changed, with a unified YAML diff per changed object (secret values masked); also writes the report
 * as Markdown for a PR comment.
 */
@Mojo(name = "diff", threadSafe = true)
public class DiffMojo extends AbstractDcforgeMojo {
    @Parameter(property = "dcforge.diff.skip", defaultValue = "false")
    private boolean skipDiff;

    /** A git ref (branch, tag, commit, e.g. origin/main) or a folder of manifests laid out as {@code <env>/<chart>.yaml}. */
    @Parameter(property = "dcforge.diff.base")
    private String base;

    /** Fail the build when anything changed (for "no rendered change expected" checks). */
    @Parameter(property = "dcforge.diff.failOnChange", defaultValue = "false")
    private boolean failOnChange;

    /** The Markdown report, ready to post as a pull-request comment. */
    @Parameter(property = "dcforge.diff.output", defaultValue = "${project.build.directory}/dcforge/diff.md")
    private File output;

    /** Lines of context around each change. */
    @Parameter(property = "dcforge.diff.context", defaultValue = "3")
    private int context;

    @Override
    protected String goal() {
        return "diff";
    }

    @Override
    protected boolean goalSkipped() {
        return skipDiff;
    }

    @Override
    protected void run() throws MojoFailureException {
        Path markdown = standalonePath(output, "target/dcforge/diff.md");
        DiffReport report = new PullRequestDiff(baseDir(), layout(), this::kubeVersionFor, Math.max(0, context))
                .run(base, new StackManifests.Sources(chartsDir(), overridesDirectory.toPath(), stackPath()), markdown);
        report.console().forEach(getLog()::info);
        getLog().info("dcforge diff: Markdown report " + markdown);
        if (failOnChange && report.hasChanges()) {
            throw new MojoFailureException("dcforge diff: " + report.headline() + " (dcforge.diff.failOnChange=true). Report: " + markdown);
        }
    }
}
