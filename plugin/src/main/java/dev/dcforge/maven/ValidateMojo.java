package dev.dcforge.maven;

import dev.dcforge.model.BuildSummary;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.Finding;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.model.Severity;
import dev.dcforge.render.Stack;
import dev.dcforge.support.UserError;
import dev.dcforge.validate.ValidationResult;
import dev.dcforge.validate.Validator;
import dev.dcforge.validate.report.ConsoleReport;
import dev.dcforge.validate.report.Reports;
import dev.dcforge.validate.rules.BuiltInRules;
import dev.dcforge.validate.schema.CustomSchemas;
import dev.dcforge.validate.rules.Rule;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks rendered manifests against the rule set, writes the reports, and fails the build on findings
 * at or above {@code dcforge.failOn}. Also works without a project on {@code -Ddcforge.input=PATH}.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.TEST, requiresProject = false, threadSafe = true)
public class ValidateMojo extends AbstractDcforgeMojo {
    @Parameter(property = "dcforge.validate.skip", defaultValue = "false")
    private boolean skipValidate;

    /** Validate this path instead of the build's manifests: a folder or file of manifests, a chart folder or a chart .tgz. */
    @Parameter(property = "dcforge.input")
    private File input;

    /** Values file for a chart given as dcforge.input. */
    @Parameter(property = "dcforge.values")
    private File values;

    /** Findings at or above this severity fail the build: error, warning, info or none. */
    @Parameter(property = "dcforge.failOn", defaultValue = "error")
    private String failOn;

    /** Comma-separated: console, json, junit, sarif. */
    @Parameter(property = "dcforge.reportFormats", defaultValue = "console,json,junit,sarif")
    private String reportFormats;

    /** Folder for report files. */
    @Parameter(property = "dcforge.reportDir", defaultValue = "${project.build.directory}/dcforge/reports")
    private File reportDir;

    /** Folder (or file) of CRD YAML or JSON Schema files for custom resources; see docs/kubernetes-versions.md. */
    @Parameter(property = "dcforge.schemaDirectory")
    private File schemaDirectory;

    @Override
    protected String goal() {
        return "validate";
    }

    @Override
    protected boolean goalSkipped() {
        return skipValidate;
    }

    @Override
    protected void run() throws MojoFailureException {
        long start = System.nanoTime();
        Severity threshold = Severity.failThreshold(failOn);
        Set<String> formats = Reports.parseFormats(reportFormats);
        OutputLayout layout = layout();
        List<Validator.Input> inputs = input != null
                ? new InputResolver(layout, kubeVersionFor(null)).resolve(input.toPath(), values == null ? null : values.toPath())
                : buildInputs(layout);
        List<Rule> rules = BuiltInRules.all(CustomSchemas.load(schemaDirectory == null ? null : schemaDirectory.toPath()));
        ValidationResult result = new Validator(rules, baseDir()).validate(inputs);
        Reports.write(result, rules.stream().map(Rule::info).toList(), formats, reportDir(), getLog()::info);

        BuildSummary summary = BuildSummary.load(layout);
        result.objects().forEach((target, objects) -> {
            summary.resources(target, objects.size());
            summary.findings(target, result.count(target, Severity.ERROR), result.count(target, Severity.WARNING),
                    result.count(target, Severity.INFO));
        });
        summary.stageTime("validate", (System.nanoTime() - start) / 1_000_000);
        summary.save();
        if (input != null) {
            summary.table().forEach(getLog()::info);
        }

        List<Finding> failing = result.atOrAbove(threshold);
        if (!failing.isEmpty()) {
            StringBuilder message = new StringBuilder("dcforge validate: " + failing.size() + " finding(s) at or above "
                    + threshold.label() + " (dcforge.failOn=" + threshold.label() + "):");
            failing.stream().limit(20).forEach(f -> message.append("\n  ").append(ConsoleReport.line(f)));
            if (failing.size() > 20) {
                message.append("\n  ... and ").append(failing.size() - 20).append(" more");
            }
            message.append("\nReports: ").append(reportDir());
            throw new MojoFailureException(message.toString());
        }
    }

    private Path reportDir() {
        return standalonePath(reportDir, "target/dcforge/reports");
    }

    private List<Validator.Input> buildInputs(OutputLayout layout) {
        List<Validator.Input> inputs = new ArrayList<>();
        Stack stack = stack();
        for (Stack.Environment env : stack.environments().values()) {
            for (String chart : env.products()) {
                ChartTarget target = new ChartTarget(env.name(), chart);
                Path manifest = layout.manifestFile(target);
                if (!Files.isRegularFile(manifest)) {
                    throw new UserError(manifest.toString(), 0, "no rendered manifest for " + target,
                            "run render and template first (mvn package), or validate a path with -Ddcforge.input=PATH");
                }
                inputs.add(new Validator.Input(target, manifest, chartsDir().resolve(chart), env.namespace(), kubeVersionFor(env)));
            }
        }
        return inputs;
    }
}
