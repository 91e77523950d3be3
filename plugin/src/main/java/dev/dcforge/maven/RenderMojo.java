package dev.dcforge.maven;

import dev.dcforge.model.BuildSummary;
import dev.dcforge.render.OverridesRenderer;
import dev.dcforge.support.StageCache;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.List;

/** Renders the Jinja override templates into one values file per environment and chart. */
@Mojo(name = "render", defaultPhase = LifecyclePhase.GENERATE_RESOURCES, threadSafe = true)
public class RenderMojo extends AbstractDcforgeMojo {
    @Parameter(property = "dcforge.render.skip", defaultValue = "false")
    private boolean skipRender;

    @Override
    protected String goal() {
        return "render";
    }

    @Override
    protected boolean goalSkipped() {
        return skipRender;
    }

    @Override
    protected void run() {
        StageCache cache = stageCache("render")
                .inputs(overridesDirectory.toPath(), chartsDir(), stackPath())
                .outputs(layout().valuesDir());
        if (upToDate(cache)) {
            return;
        }
        long start = System.nanoTime();
        BuildSummary summary = BuildSummary.fresh(layout());
        List<OverridesRenderer.RenderedValues> rendered =
                new OverridesRenderer(overridesDirectory.toPath(), chartsDir()).render(stack(), layout());
        for (OverridesRenderer.RenderedValues values : rendered) {
            getLog().debug("dcforge: rendered " + values.file() + " from " + values.layers());
        }
        summary.stageTime("render", (System.nanoTime() - start) / 1_000_000);
        summary.save();
        cache.succeeded(List.of());
        getLog().info("dcforge: rendered " + rendered.size() + " values file(s) under " + layout().root().resolve("values"));
    }
}
