package dev.dcforge.maven;

import dev.dcforge.model.BuildSummary;
import dev.dcforge.support.Yaml;
import dev.dcforge.render.SourceMap;
import dev.dcforge.model.OverrideOrigins;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.Finding;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.model.Severity;
import dev.dcforge.render.Stack;
import dev.dcforge.support.StageCache;
import dev.dcforge.support.UserError;
import dev.dcforge.validate.Baseline;
import dev.dcforge.validate.Exemptions;
import dev.dcforge.validate.ValidationResult;
import dev.dcforge.validate.Validator;
import dev.dcforge.validate.report.ConsoleReport;
import dev.dcforge.validate.report.Reports;
import dev.dcforge.validate.rules.BuiltInRules;
import dev.dcforge.validate.schema.CustomSchemas;
import dev.dcforge.validate.rules.Rule;
import dev.dcforge.validate.rules.RuleOptions;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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

    /** Pod Security Standards profile to enforce: restricted (baseline and restricted controls), baseline, or privileged (none). */
    @Parameter(property = "dcforge.podSecurityProfile", defaultValue = "restricted")
    private String podSecurityProfile;

    /** Objects created outside the charts that pods may reference, as Kind/name, comma-separated (Secret/jira-db, PersistentVolumeClaim/*). */
    @Parameter(property = "dcforge.externalObjects")
    private String externalObjects;

    /** Folder of custom rule YAML files (same format as the built-ins); used when it exists. */
    @Parameter(property = "dcforge.rulesDirectory", defaultValue = "${project.basedir}/dcforge-rules")
    private File rulesDirectory;

    /** Exemptions file (rule, selectors, reason, optional expires); used when it exists. */
    @Parameter(property = "dcforge.exemptions", defaultValue = "${project.basedir}/dcforge-exemptions.yaml")
    private File exemptions;

    /** "record" writes the current findings to dcforge.baselineFile instead of failing on them. */
    @Parameter(property = "dcforge.baseline")
    private String baseline;

    /** Baseline file: when it exists, only findings not recorded in it fail the build. */
    @Parameter(property = "dcforge.baselineFile", defaultValue = "${project.basedir}/dcforge-baseline.yaml")
    private File baselineFile;

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
        StageCache cache = stageCache("validate").after("template")
                .param("failOn", failOn).param("reportFormats", reportFormats).param("reportDir", reportDir())
                .param("schemaDirectory", schemaDirectory)
                .param("podSecurityProfile", podSecurityProfile).param("externalObjects", externalObjects)
                .param("baseline", baseline)
                // exemptions may expire: a new day re-validates
                .param("date", java.time.LocalDate.now(java.time.ZoneOffset.UTC))
                .inputs(input == null ? chartsDir() : input.toPath())
                .inputs(standalonePath(rulesDirectory, "dcforge-rules"), standalonePath(exemptions, "dcforge-exemptions.yaml"),
                        standalonePath(baselineFile, "dcforge-baseline.yaml"))
                .outputs(reportDir());
        if (schemaDirectory != null) {
            cache.inputs(schemaDirectory.toPath());
        }
        boolean writesBaseline = baseline != null && !baseline.isBlank();
        if (input == null && !writesBaseline && upToDate(cache)) {
            return;
        }
        long start = System.nanoTime();
        Severity threshold = Severity.failThreshold(failOn);
        Set<String> formats = Reports.parseFormats(reportFormats);
        OutputLayout layout = layout();
        List<Validator.Input> inputs = input != null
                ? new InputResolver(layout, kubeVersionFor(null)).resolve(input.toPath(), values == null ? null : values.toPath())
                : buildInputs(layout);
        RuleOptions options = new RuleOptions(podSecurityProfile, RuleOptions.parseExternal(externalObjects));
        List<Rule> rules = BuiltInRules.select(options, CustomSchemas.load(schemaDirectory == null ? null : schemaDirectory.toPath()));
        Path customRules = standalonePath(rulesDirectory, "dcforge-rules");
        if (rulesDirectory != null && (Files.isDirectory(customRules) || !customRules.endsWith("dcforge-rules"))) {
            rules = BuiltInRules.withCustom(rules, customRules);
        }
        Path exemptionsFile = standalonePath(exemptions, "dcforge-exemptions.yaml");
        boolean explicitExemptions = exemptions != null && !exemptionsFile.endsWith("dcforge-exemptions.yaml");
        Exemptions exempt = Files.isRegularFile(exemptionsFile) || explicitExemptions ? Exemptions.load(exemptionsFile) : Exemptions.none();
        ValidationResult validated = new Validator(rules, baseDir(), exempt, LocalDate.now())
                .withOverrideOrigins(target -> overrideOrigins(layout, target)).validate(inputs);
        Path baselinePath = standalonePath(baselineFile, "dcforge-baseline.yaml");
        boolean recording = baseline != null && baseline.trim().equals("record");
        if (baseline != null && !baseline.isBlank() && !recording) {
            throw new UserError("dcforge.baseline", 0, "unknown value '" + baseline + "'",
                    "use -Ddcforge.baseline=record to record, or leave it unset to apply dcforge.baselineFile when it exists");
        }
        if (recording) {
            Baseline.record(validated, baselinePath);
            getLog().info("dcforge: recorded " + validated.findings().size() + " finding(s) in the baseline " + baselinePath);
        }
        ValidationResult result = !recording && Files.isRegularFile(baselinePath)
                ? Baseline.load(baselinePath).apply(validated).result() : validated;
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

        List<Finding> failing = recording ? List.of() : result.atOrAbove(threshold);
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
        if (input == null) {
            cache.succeeded(List.of());
        }
    }

    private Path reportDir() {
        return standalonePath(reportDir, "target/dcforge/reports");
    }

    /** What the target's overrides set, and where; nothing for inputs that were not rendered from overrides. */
    private static OverrideOrigins overrideOrigins(OutputLayout layout, ChartTarget target) {
        Path values = layout.valuesFile(target);
        return Files.isRegularFile(values) && Files.isRegularFile(layout.sourceMapFile(target))
                ? SourceMap.load(layout, target).origins(Yaml.read(values)) : OverrideOrigins.none();
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
