package dev.dcforge.maven;

import dev.dcforge.model.BuildSummary;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.render.Stack;
import dev.dcforge.support.StageCache;
import dev.dcforge.template.StackTemplater;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.ArrayList;
import java.util.List;

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
        List<StackTemplater.Job> jobs = new ArrayList<>();
        for (Stack.Environment env : stack().environments().values()) {
            for (String chart : env.products()) {
                jobs.add(new StackTemplater.Job(new ChartTarget(env.name(), chart), env.namespace(), kubeVersionFor(env)));
            }
        }
        int count = new StackTemplater().template(jobs, chartsDir(), layout,
                lint ? (chart, message) -> getLog().debug("helm lint " + chart + ": " + message) : null).size();
        summary.stageTime("template", (System.nanoTime() - start) / 1_000_000);
        summary.save();
        cache.succeeded(List.of());
        getLog().info("dcforge: templated " + count + " chart × environment combination(s) under " + layout.manifestsDir());
    }
}
