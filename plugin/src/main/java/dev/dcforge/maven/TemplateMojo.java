package dev.dcforge.maven;

import dev.dcforge.model.BuildSummary;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.render.Stack;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.StageCache;
import dev.dcforge.support.UserError;
import dev.dcforge.template.ChartStager;
import dev.dcforge.template.HelmTemplater;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Set;

/** Renders every chart with its values through the Helm engine (in process) and lints each chart strictly. */
@Mojo(name = "template", defaultPhase = LifecyclePhase.PROCESS_RESOURCES, threadSafe = true)
public class TemplateMojo extends AbstractDcforgeMojo {
    @Parameter(property = "dcforge.template.skip", defaultValue = "false")
    private boolean skipTemplate;

    /** Run helm lint --strict on every chart. */
    @Parameter(property = "dcforge.lint", defaultValue = "true")
    private boolean lint;

    @Override
    protected String goal() {
        return "template";
    }

    @Override
    protected boolean goalSkipped() {
        return skipTemplate;
    }

    @Override
    protected void run() {
        OutputLayout layout = layout();
        StageCache cache = stageCache("template").after("render")
                .param("lint", lint)
                .inputs(chartsDir())
                .outputs(layout.manifestsDir(), layout.stagingDir());
        if (upToDate(cache)) {
            return;
        }
        long start = System.nanoTime();
        BuildSummary summary = BuildSummary.load(layout);
        HelmTemplater helm = new HelmTemplater();
        ChartStager stager = new ChartStager();
        Set<String> staged = new LinkedHashSet<>();
        int count = 0;
        for (Stack.Environment env : stack().environments().values()) {
            for (String chart : env.products()) {
                ChartTarget target = new ChartTarget(env.name(), chart);
                Path values = layout.valuesFile(target);
                if (!Files.isRegularFile(values)) {
                    throw new UserError(values.toString(), 0, "no rendered values for " + target,
                            "run the render goal first (mvn dcforge:render dcforge:template)");
                }
                Path stagedChart = layout.stagingDir().resolve(chart);
                if (staged.add(chart)) {
                    stager.stage(chartsDir().resolve(chart), layout.stagingDir());
                    if (lint) {
                        helm.lintStrict(stagedChart, null).forEach(m -> getLog().debug("helm lint " + chart + ": " + m));
                    }
                }
                Path manifest = layout.manifestFile(target);
                AtomicFiles.delete(manifest);
                String text = helm.template(stagedChart, chartsDir().resolve(chart), values, chart, env.namespace(), kubeVersionFor(env));
                AtomicFiles.write(manifest, text);
                count++;
            }
        }
        summary.stageTime("template", (System.nanoTime() - start) / 1_000_000);
        summary.save();
        cache.succeeded(List.of());
        getLog().info("dcforge: templated " + count + " chart × environment combination(s) under " + layout.manifestsDir());
    }
}
