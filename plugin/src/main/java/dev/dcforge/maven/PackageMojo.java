package dev.dcforge.maven;

import dev.dcforge.model.BuildSummary;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.packaging.ChartPackager;
import dev.dcforge.render.Stack;
import dev.dcforge.support.UserError;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Packages each chart per environment (defaults merged with that environment's values) and prints the build summary. */
@Mojo(name = "package", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class PackageMojo extends AbstractDcforgeMojo {
    @Parameter(property = "dcforge.package.skip", defaultValue = "false")
    private boolean skipPackage;

    /** Timestamp of every archive entry; Maven's reproducible-build property by default. */
    @Parameter(property = "dcforge.timestamp", defaultValue = "${project.build.outputTimestamp}")
    private String timestamp;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Override
    protected String goal() {
        return "package";
    }

    @Override
    protected boolean goalSkipped() {
        return skipPackage;
    }

    @Override
    protected void run() {
        long start = System.nanoTime();
        OutputLayout layout = layout();
        BuildSummary summary = BuildSummary.load(layout);
        ChartPackager packager = new ChartPackager(archiveInstant());
        for (Stack.Environment env : stack().environments().values()) {
            for (String chart : env.products()) {
                ChartTarget target = new ChartTarget(env.name(), chart);
                Path staged = layout.stagingDir().resolve(chart);
                if (!Files.isRegularFile(staged.resolve("Chart.yaml"))) {
                    throw new UserError(staged.toString(), 0, "no staged chart for " + chart, "run the template goal first");
                }
                Path archive = packager.packageChart(staged, layout.valuesFile(target), layout.packagesDir(env.name()));
                summary.packagePath(target, baseDir().toAbsolutePath().relativize(archive.toAbsolutePath()).toString());
            }
        }
        if (project != null && "dcforge".equals(project.getPackaging()) && project.getArtifact().getFile() == null) {
            // the dcforge packaging's main artifact is the pom; the chart archives are what matter
            project.getArtifact().setFile(project.getFile());
        }
        summary.stageTime("package", (System.nanoTime() - start) / 1_000_000);
        summary.save();
        getLog().info("dcforge build summary:");
        summary.table().forEach(getLog()::info);
    }

    private Instant archiveInstant() {
        if (timestamp == null || timestamp.isBlank() || timestamp.equals("${project.build.outputTimestamp}")) {
            return Instant.parse("1980-01-01T00:00:00Z");
        }
        try {
            return timestamp.chars().allMatch(Character::isDigit) ? Instant.ofEpochSecond(Long.parseLong(timestamp)) : Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            throw new UserError("project.build.outputTimestamp", 0, "cannot read timestamp '" + timestamp + "'",
                    "use an ISO-8601 instant such as 2026-01-01T00:00:00Z or seconds since the epoch");
        }
    }
}
