package dev.dcforge.maven;

import dev.dcforge.model.OutputLayout;
import dev.dcforge.render.Stack;
import dev.dcforge.support.SetupError;
import dev.dcforge.support.StageCache;
import dev.dcforge.support.UserError;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shared parameters and error handling. Goals are thin: they read parameters, call one stage and
 * report. A UserError becomes a build failure with its message and no stack trace.
 */
public abstract class AbstractDcforgeMojo extends AbstractMojo {
    /** Kubernetes version used when neither dcforge.kubeVersion nor the stack file names one. */
    public static final String DEFAULT_KUBE_VERSION = "1.32.0";

    /** Skips every dcforge goal. */
    @Parameter(property = "dcforge.skip", defaultValue = "false")
    protected boolean skip;

    /** Folder holding the charts (each a sub-folder with Chart.yaml). */
    @Parameter(property = "dcforge.chartsDirectory", defaultValue = "${project.basedir}/charts")
    protected File chartsDirectory;

    /** Folder holding the Jinja override templates and, by default, the stack file. */
    @Parameter(property = "dcforge.overridesDirectory", defaultValue = "${project.basedir}/overrides")
    protected File overridesDirectory;

    /** The stack file; defaults to overridesDirectory/stack.yaml. Without one, each chart renders once with its defaults. */
    @Parameter(property = "dcforge.stack")
    protected File stackFile;

    /** Where all outputs go. */
    @Parameter(property = "dcforge.outputDirectory", defaultValue = "${project.build.directory}/dcforge")
    protected File outputDirectory;

    /** Target Kubernetes version (passed to Helm and used for schema checks); overrides the stack file's. */
    @Parameter(property = "dcforge.kubeVersion")
    protected String kubeVersion;

    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    protected File baseDirectory;

    @Parameter(defaultValue = "${project.build.directory}", readonly = true)
    protected File buildDirectory;

    /**
     * Skip a stage whose inputs (files, parameters, plugin, earlier stages) and outputs are unchanged since
     * its last successful run; false always runs every stage.
     */
    @Parameter(property = "dcforge.incremental", defaultValue = "true")
    protected boolean incremental;

    /** When this goal started: an up-to-date stage reports everything it spent, fingerprints included. */
    private long executeStart;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || goalSkipped()) {
            getLog().info("dcforge: " + goal() + " skipped (" + (skip ? "dcforge.skip" : "dcforge." + goal() + ".skip") + "=true)");
            return;
        }
        executeStart = System.nanoTime();
        try {
            run();
        } catch (UserError e) {
            throw new MojoFailureException(e.getMessage());
        } catch (SetupError | UncheckedIOException e) {
            throw new MojoExecutionException("dcforge " + goal() + ": " + e.getMessage(), e);
        }
    }

    protected abstract String goal();

    protected abstract boolean goalSkipped();

    protected abstract void run() throws MojoFailureException;

    protected OutputLayout layout() {
        return new OutputLayout(standalonePath(outputDirectory, "target/dcforge"));
    }

    /**
     * Without a pom Maven leaves "${project.basedir}" unexpanded in defaults: fall back to a path under
     * the current folder.
     */
    protected static Path standalonePath(File configured, String fallback) {
        return configured == null || configured.getPath().contains("${") ? Path.of(fallback) : configured.toPath();
    }

    /**
     * The incremental-build fingerprint of a stage, with what every stage depends on: the charts and
     * overrides folders, the stack file and the Kubernetes version. Each goal adds its own.
     */
    protected StageCache stageCache(String stage) {
        OutputLayout layout = layout();
        StageCache cache = new StageCache(layout.stateDir(), stage, incremental)
                .exclude(layout.root())
                .param("kubeVersion", kubeVersion)
                .param("stack", stackPath());
        if (buildDirectory != null && !buildDirectory.getPath().contains("${")) {
            cache.exclude(buildDirectory.toPath());
        }
        return cache;
    }

    /** True (and says so) when the stage can be skipped. */
    protected boolean upToDate(StageCache cache) {
        if (cache.upToDate()) {
            cache.markUpToDate((System.nanoTime() - executeStart) / 1_000_000);
            getLog().info("dcforge: " + goal() + " is up to date (inputs, parameters and outputs unchanged since its last "
                    + "successful run), skipped; -Ddcforge.incremental=false runs it anyway");
            return true;
        }
        cache.started();
        return false;
    }

    protected Path stackPath() {
        return stackFile != null ? stackFile.toPath() : overridesDirectory.toPath().resolve("stack.yaml");
    }

    protected Path chartsDir() {
        return chartsDirectory.toPath();
    }

    protected Stack stack() {
        Path file = stackPath();
        if (stackFile != null && !Files.isRegularFile(file)) {
            throw new UserError(file.toString(), 0, "stack file not found", "fix dcforge.stack or create the file");
        }
        return Files.isRegularFile(file) ? Stack.load(file) : Stack.implicit(chartsDir());
    }

    /** dcforge.kubeVersion, else the environment's kubernetesVersion fact, else the default. */
    protected String kubeVersionFor(Stack.Environment env) {
        if (kubeVersion != null && !kubeVersion.isBlank()) {
            return kubeVersion.trim();
        }
        String fromStack = env == null ? null : env.kubernetesVersion();
        return fromStack != null ? fromStack : DEFAULT_KUBE_VERSION;
    }

    protected Path baseDir() {
        return baseDirectory != null ? baseDirectory.toPath() : Path.of("").toAbsolutePath();
    }
}
