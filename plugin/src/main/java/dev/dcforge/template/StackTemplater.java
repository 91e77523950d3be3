package dev.dcforge.template;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.UserError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * Stage 2 over a whole stack: stages each chart once (linting it strictly when asked), then templates every
 * chart × environment with its rendered values into the layout's manifests. Used by the template goal and
 * by dcforge:diff, so both sides of a diff are built exactly as a build builds them.
 */
public final class StackTemplater {
    /** One chart × environment to template. */
    public record Job(ChartTarget target, String namespace, String kubeVersion) {
    }

    private final HelmTemplater helm = new HelmTemplater();
    private final ChartStager stager = new ChartStager();

    /**
     * @param lintMessages receives (chart, message) of helm lint --strict for each chart, or null for no lint
     * @return the manifest file of each job
     */
    public Map<ChartTarget, Path> template(List<Job> jobs, Path chartsDir, OutputLayout layout,
                                           BiConsumer<String, String> lintMessages) {
        Set<String> staged = new HashSet<>();
        Map<ChartTarget, Path> manifests = new TreeMap<>();
        for (Job job : jobs) {
            String chart = job.target().chart();
            Path values = layout.valuesFile(job.target());
            if (!Files.isRegularFile(values)) {
                throw new UserError(values.toString(), 0, "no rendered values for " + job.target(),
                        "run the render goal first (mvn dcforge:render dcforge:template)");
            }
            Path stagedChart = layout.stagingDir().resolve(chart);
            if (staged.add(chart)) {
                stager.stage(chartsDir.resolve(chart), layout.stagingDir());
                if (lintMessages != null) {
                    helm.lintStrict(stagedChart, null).forEach(m -> lintMessages.accept(chart, m));
                }
            }
            Path manifest = layout.manifestFile(job.target());
            AtomicFiles.delete(manifest);
            AtomicFiles.write(manifest, helm.template(stagedChart, chartsDir.resolve(chart), values, chart,
                    job.namespace(), job.kubeVersion()));
            manifests.put(job.target(), manifest);
        }
        return manifests;
    }
}
