package dev.dcforge.bench;

import dev.dcforge.maven.AbstractDcforgeMojo;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.packaging.ChartPackager;
import dev.dcforge.render.OverridesRenderer;
import dev.dcforge.render.Stack;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.Yaml;
import dev.dcforge.template.ChartStager;
import dev.dcforge.template.HelmTemplater;
import dev.dcforge.validate.ManifestParser;
import dev.dcforge.validate.ValidationResult;
import dev.dcforge.validate.Validator;
import dev.dcforge.validate.rules.BuiltInRules;

import com.marcnuri.helm.Helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference stack (overrides/stack.yaml, or every chart with its defaults when there is none) and a
 * scratch output folder, with one call per stage. Every benchmark goes through here, so a change of a stage's
 * API is fixed in one place.
 */
public final class Workspace {
    static final Instant ARCHIVE_TIME = Instant.parse("2026-01-01T00:00:00Z");

    /** One chart × environment. */
    public record Target(Stack.Environment env, String chart, ChartTarget id, String namespace, String kubeVersion) {
        public String key() {
            return id.toString();
        }
    }

    final Path repoRoot;
    final Path chartsDir;
    final Path overridesDir;
    final Path work;
    final OutputLayout layout;
    final Stack stack;
    final Map<String, Target> targets = new LinkedHashMap<>();
    private final OverridesRenderer renderer;
    private final HelmTemplater helm = new HelmTemplater();
    private final ChartStager stager = new ChartStager();
    private final ChartPackager packager = new ChartPackager(ARCHIVE_TIME);
    private Validator validator;

    public Workspace(Path chartsDir, Path overridesDir, Path work) {
        this.repoRoot = chartsDir.toAbsolutePath().normalize().getParent();
        this.chartsDir = chartsDir.toAbsolutePath().normalize();
        this.overridesDir = overridesDir.toAbsolutePath().normalize();
        this.work = work.toAbsolutePath().normalize();
        this.layout = new OutputLayout(this.work.resolve("dcforge"));
        this.stack = referenceStack(this.chartsDir, this.overridesDir);
        this.renderer = new OverridesRenderer(this.overridesDir, this.chartsDir);
        for (Stack.Environment env : stack.environments().values()) {
            for (String chart : env.products()) {
                ChartTarget id = new ChartTarget(env.name(), chart);
                String kube = env.kubernetesVersion() != null ? env.kubernetesVersion() : AbstractDcforgeMojo.DEFAULT_KUBE_VERSION;
                targets.put(id.toString(), new Target(env, chart, id, env.namespace(), kube));
            }
        }
    }

    /** The repository's charts and overrides, with a fresh scratch folder under {@code out}. */
    public static Workspace reference(Path repoRoot, Path scratch) {
        return new Workspace(repoRoot.resolve("charts"), repoRoot.resolve("overrides"), scratch);
    }

    public static Path repoRootProperty() {
        return Path.of(System.getProperty("bench.repoRoot", "..")).toAbsolutePath().normalize();
    }

    public static Path outProperty() {
        return Path.of(System.getProperty("bench.out", "target")).toAbsolutePath().normalize();
    }

    /** A fresh scratch folder for one JMH fork or one measurement. */
    public static Path scratch(String prefix) {
        try {
            Path dir = outProperty().resolve("work");
            Files.createDirectories(dir);
            return Files.createTempDirectory(dir, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stack referenceStack(Path chartsDir, Path overridesDir) {
        Path file = overridesDir.resolve("stack.yaml");
        return Files.isRegularFile(file) ? Stack.load(file) : Stack.implicit(chartsDir);
    }

    public boolean hasStackFile() {
        return stack.file() != null;
    }

    public List<Target> targets() {
        return new ArrayList<>(targets.values());
    }

    public Target target(String key) {
        Target t = targets.get(key);
        if (t == null) {
            throw new IllegalArgumentException("no chart × environment " + key + " in " + targets.keySet());
        }
        return t;
    }

    public List<String> charts() {
        return targets.values().stream().map(Target::chart).distinct().sorted().toList();
    }

    /** Renders, stages and templates everything once, so that every stage has its inputs. */
    public Workspace prepare() {
        renderAll();
        for (String chart : charts()) {
            stage(chart);
        }
        for (Target t : targets.values()) {
            template(t);
        }
        return this;
    }

    // ---- the stages, one call each ----

    public Object renderAll() {
        return renderer.render(stack, layout);
    }

    public Path render(Target t) {
        renderer.render(t.env(), t.chart(), layout);
        return layout.valuesFile(t.id());
    }

    public Path stage(String chart) {
        return stager.stage(chartsDir.resolve(chart), layout.stagingDir());
    }

    public List<String> lint(String chart) {
        return helm.lintStrict(layout.stagingDir().resolve(chart), null);
    }

    /** The engine baseline: helm-java's template call, nothing of dcforge around it. */
    public String engine(Target t) {
        return new Helm(layout.stagingDir().resolve(t.chart())).template()
                .withName(t.chart())
                .withNamespace(t.namespace())
                .withValuesFile(layout.valuesFile(t.id()))
                .withKubeVersion(t.kubeVersion())
                .call();
    }

    /** dcforge's template stage for one target, as the template goal does it (manifest written). */
    public Path template(Target t) {
        Path manifest = layout.manifestFile(t.id());
        AtomicFiles.delete(manifest);
        String text = helm.template(layout.stagingDir().resolve(t.chart()), chartsDir.resolve(t.chart()),
                layout.valuesFile(t.id()), t.chart(), t.namespace(), t.kubeVersion());
        AtomicFiles.write(manifest, text);
        return manifest;
    }

    public Validator.Input validatorInput(Target t) {
        return new Validator.Input(t.id(), layout.manifestFile(t.id()), chartsDir.resolve(t.chart()), t.namespace(), t.kubeVersion());
    }

    public Validator validator() {
        if (validator == null) {
            validator = new Validator(BuiltInRules.all(), repoRoot);
        }
        return validator;
    }

    public ValidationResult validate(List<Validator.Input> inputs) {
        return validator().validate(inputs);
    }

    public ValidationResult validate(Target t) {
        return validate(List.of(validatorInput(t)));
    }

    public List<Validator.Input> allInputs() {
        return targets.values().stream().map(this::validatorInput).toList();
    }

    public Path packageChart(Target t) {
        return packager.packageChart(layout.stagingDir().resolve(t.chart()), layout.valuesFile(t.id()), layout.packagesDir(t.env().name()));
    }

    /** Objects (Kubernetes resources) in the rendered manifests of a target. */
    public int resourceCount(Target t) {
        List<ManifestObject> objects = new ManifestParser().parse(t.id(), layout.manifestFile(t.id()));
        return objects.size();
    }

    public int resourceCount() {
        return targets.values().stream().mapToInt(this::resourceCount).sum();
    }

    public void delete() {
        AtomicFiles.deleteTree(work);
    }

    static String yamlWrite(com.fasterxml.jackson.databind.JsonNode node) {
        return Yaml.write(node);
    }
}
