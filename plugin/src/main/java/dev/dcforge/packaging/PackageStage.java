package dev.dcforge.packaging;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.render.Stack;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.UserError;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The package stage over a whole stack: per environment and chart an archive with the environment's
 * values ({@code packages/<env>/<chart>-<version>.tgz}), per chart the plain archive
 * ({@code packages/charts/<chart>-<version>.tgz}), an {@code index.yaml} in each of those folders,
 * and the client-side install check of every archive.
 */
public final class PackageStage {

    /**
     * @param timestamp      archive entry time and the index's created/generated time
     * @param version        chart version for every archive (from the project), or null for each chart's own
     * @param appVersion     appVersion for every archive, or null for each chart's own
     * @param baseUrl        URL the packages root is served from (each folder below it), or null for relative URLs
     * @param mergeIndexRoot a folder laid out like the packages root whose {@code <folder>/index.yaml} files are merged, or null
     * @param installCheck   run helm install --dry-run (client only) on every archive
     */
    public record Options(Instant timestamp, String version, String appVersion, String baseUrl, Path mergeIndexRoot,
                          boolean installCheck) {
    }

    public record Result(List<PackagedChart> charts, List<Path> indexes) {
    }

    private final Options options;

    public PackageStage(Options options) {
        this.options = options;
    }

    /**
     * @param kubeVersionFor the Kubernetes version of an environment (null: the plain charts' version)
     */
    public Result run(Stack stack, OutputLayout layout, Function<Stack.Environment, String> kubeVersionFor, Consumer<String> log) {
        ChartPackager packager = new ChartPackager(options.timestamp(), options.version(), options.appVersion());
        Map<Path, Set<Path>> produced = new LinkedHashMap<>();
        List<PackagedChart> charts = new ArrayList<>();
        Map<PackagedChart, String> kubeVersions = new HashMap<>();
        Map<PackagedChart, String> namespaces = new HashMap<>();
        Set<String> plainDone = new HashSet<>();
        for (Stack.Environment env : stack.environments().values()) {
            if (env.name().equals(PackagedChart.PLAIN)) {
                throw new UserError(stack.file() == null ? "stack" : stack.file().toString(), 0,
                        "an environment named '" + PackagedChart.PLAIN + "' would share the folder of the plain chart archives",
                        "rename the environment");
            }
            for (String chart : env.products()) {
                Path staged = layout.stagingDir().resolve(chart);
                if (!Files.isRegularFile(staged.resolve("Chart.yaml"))) {
                    throw new UserError(staged.toString(), 0, "no staged chart for " + chart, "run the template goal first");
                }
                if (plainDone.add(chart)) {
                    Path dir = layout.packagesRoot().resolve(PackagedChart.PLAIN);
                    PackagedChart plain = new PackagedChart(null, chart, packager.packageChart(staged, null, dir));
                    add(plain, charts, produced);
                    kubeVersions.put(plain, kubeVersionFor.apply(null));
                    namespaces.put(plain, "default");
                }
                ChartTarget target = new ChartTarget(env.name(), chart);
                Path archive = packager.packageChart(staged, layout.valuesFile(target), layout.packagesDir(env.name()));
                PackagedChart packaged = new PackagedChart(env.name(), chart, archive);
                add(packaged, charts, produced);
                kubeVersions.put(packaged, kubeVersionFor.apply(env));
                namespaces.put(packaged, env.namespace());
            }
        }
        checkClassifiers(charts);
        removeStale(produced, log);
        List<Path> indexes = new ArrayList<>();
        RepoIndex index = new RepoIndex(options.timestamp(), null);
        for (Path dir : produced.keySet()) {
            String folder = dir.getFileName().toString();
            RepoIndex folderIndex = options.baseUrl() == null || options.baseUrl().isBlank() ? index
                    : new RepoIndex(options.timestamp(), RepoIndex.joinUrl(options.baseUrl().strip(), folder));
            Path merge = options.mergeIndexRoot() == null ? null : options.mergeIndexRoot().resolve(folder).resolve(RepoIndex.FILE);
            indexes.add(folderIndex.write(dir, merge));
        }
        if (options.installCheck()) {
            InstallCheck check = new InstallCheck();
            for (PackagedChart chart : charts) {
                check.check(chart.archive(), chart.chart(), namespaces.get(chart), kubeVersions.get(chart));
                log.accept("install check (helm install --dry-run, client only, Kubernetes " + kubeVersions.get(chart) + ") passed: "
                        + layout.root().relativize(chart.archive()));
            }
        }
        return new Result(charts, indexes);
    }

    private static void add(PackagedChart chart, List<PackagedChart> charts, Map<Path, Set<Path>> produced) {
        charts.add(chart);
        produced.computeIfAbsent(chart.archive().getParent(), d -> new HashSet<>()).add(chart.archive().getFileName());
    }

    private static void checkClassifiers(List<PackagedChart> charts) {
        Map<String, PackagedChart> seen = new HashMap<>();
        for (PackagedChart c : charts) {
            PackagedChart other = seen.putIfAbsent(c.classifier(), c);
            if (other != null) {
                throw new UserError(c.archive().toString(), 0, "archives " + other.archive() + " and " + c.archive()
                        + " would both be attached with classifier '" + c.classifier() + "'",
                        "rename an environment or chart so that <environment>-<chart> is unique");
            }
        }
    }

    /** Archives left by an earlier build (another version, a removed chart) would be indexed as current: delete them. */
    private static void removeStale(Map<Path, Set<Path>> produced, Consumer<String> log) {
        produced.forEach((dir, names) -> {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".tgz")).sorted().toList()) {
                    if (!names.contains(f.getFileName())) {
                        log.accept("removing stale archive " + f);
                        AtomicFiles.delete(f);
                    }
                }
            } catch (IOException e) {
                throw new UserError(dir.toString(), 0, "cannot list packages: " + e.getMessage(), "check permissions");
            }
        });
    }
}
