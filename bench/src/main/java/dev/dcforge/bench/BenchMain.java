package dev.dcforge.bench;

import dev.dcforge.support.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.support.Yaml;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * Runs every benchmark of issue 9 and writes target/dcforge-bench.json: JMH (stages, engine baseline, per
 * chart × environment), the helm CLI side by side, full vs no-op rebuild, and the scale curve in forked
 * -Xmx512m JVMs. Every figure is measured in this run; the targets are checked against them, never assumed.
 */
public final class BenchMain {
    static final double TARGET_VALIDATION_PER_SECOND = 20_000;
    static final double TARGET_RENDER_VALIDATE_RATIO = 1.25;
    static final double TARGET_CLI_SPEEDUP = 3.0;
    static final double TARGET_NOOP_RATIO = 0.10;
    static final int TARGET_SCALE_COMBINATIONS = 500;
    static final String SCALE_HEAP = "-Xmx512m";

    private final Path repoRoot = Workspace.repoRootProperty();
    private final Path out = Workspace.outProperty();
    private final Set<String> parts = new TreeSet<>(Arrays.asList(System.getProperty("bench.parts", "jmh,cli,rebuild,scale").split(",")));
    private final ObjectNode report = Yaml.json().createObjectNode();
    private final List<String> summary = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        new BenchMain().run();
        System.exit(0);
    }

    void run() throws Exception {
        Files.createDirectories(out);
        AtomicFiles.deleteTree(out.resolve("work"));
        report.put("generated", Instant.now().toString());
        report.put("command", "bench/run  (= mvn -B -Pbench -pl bench -am verify -DskipTests -Dinvoker.skip)");
        report.set("machine", machine());
        Workspace ws = Workspace.reference(repoRoot, Workspace.scratch("main-")).prepare();
        ObjectNode stack = report.putObject("stack");
        stack.put("stackFile", ws.hasStackFile() ? repoRoot.relativize(ws.stack.file()).toString() : "none (every chart with its defaults)");
        stack.put("environments", ws.stack.environments().size());
        stack.set("charts", Yaml.json().valueToTree(ws.charts()));
        stack.put("combinations", ws.targets().size());
        int resources = ws.resourceCount();
        stack.put("resources", resources);
        ObjectNode targets = report.putObject("targets");

        if (parts.contains("jmh")) {
            jmh(ws, resources, targets);
        }
        validationCpu(ws, resources);
        interleaved(ws, targets);
        if (parts.contains("cli") || parts.contains("rebuild")) {
            JsonNode build = forked(List.of("-Xmx512m"), "reference", repoRoot.toString(), Workspace.scratch("ref-").toString(), "3");
            report.set("referenceBuild", build);
            if (parts.contains("rebuild")) {
                rebuild(build, targets);
            }
            if (parts.contains("cli")) {
                cli(ws, build, targets);
            }
        }
        if (parts.contains("scale")) {
            scale(targets);
        }
        report.set("loadAverageAtEnd", Yaml.json().valueToTree(loadAverage()));
        Path json = out.resolve("dcforge-bench.json");
        Files.writeString(json, Yaml.json().writerWithDefaultPrettyPrinter().writeValueAsString(report));
        ws.delete();
        System.out.println();
        System.out.println("==== dcforge benchmarks (" + json + ") ====");
        summary.forEach(System.out::println);
    }

    // ---------------------------------------------------------------- JMH

    private void jmh(Workspace ws, int resources, ObjectNode targets) throws Exception {
        List<String> keys = jmhTargets(ws);
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include("dev\\.dcforge\\.bench\\.(TargetBenchmark|StackBenchmark)\\.")
                .param("target", keys.toArray(String[]::new))
                .forks(Integer.getInteger("bench.forks", 1))
                .warmupIterations(Integer.getInteger("bench.warmupIterations", 2))
                .measurementIterations(Integer.getInteger("bench.iterations", 3))
                .warmupTime(TimeValue.seconds(Integer.getInteger("bench.iterationSeconds", 1)))
                .measurementTime(TimeValue.seconds(Integer.getInteger("bench.iterationSeconds", 1)))
                .threads(1)
                .timeUnit(TimeUnit.MILLISECONDS)
                .jvmArgsAppend("-Xmx1g", "-Dbench.repoRoot=" + repoRoot, "-Dbench.out=" + out)
                .resultFormat(ResultFormatType.JSON)
                .result(out.resolve("jmh-result.json").toString())
                .shouldFailOnError(true);
        Collection<RunResult> results = new Runner(options.build()).run();
        Map<String, double[]> scores = new LinkedHashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().replaceFirst(".*\\.(\\w+Benchmark\\.\\w+)$", "$1");
            String target = r.getParams().getParam("target");
            scores.put(target == null ? method : method + "[" + target + "]",
                    new double[]{r.getPrimaryResult().getScore(), r.getPrimaryResult().getScoreError()});
        }
        ObjectNode jmh = report.putObject("jmh");
        jmh.put("unit", "ms/op");
        jmh.put("forks", Integer.getInteger("bench.forks", 1));
        jmh.put("iterations", Integer.getInteger("bench.iterations", 3));
        scores.forEach((k, v) -> jmh.putObject(k).put("score", round(v[0], 4)).put("error", round(v[1], 4)));

        // validation throughput
        double validateMs = scores.get("StackBenchmark.validateStack")[0];
        double parseMs = scores.get("StackBenchmark.parseStack")[0];
        double perSecond = resources / (validateMs / 1000.0);
        ObjectNode validation = report.putObject("validation");
        validation.put("resources", resources);
        validation.put("msPerStack", round(validateMs, 3));
        validation.put("resourcesPerSecond", Math.round(perSecond));
        validation.put("parseOnlyResourcesPerSecond", Math.round(resources / (parseMs / 1000.0)));
        validation.put("parseShareOfValidation", round(parseMs / validateMs, 3));
        validation.put("threads", 1);
        target(targets, "validationResourcesPerSecond", ">= " + (long) TARGET_VALIDATION_PER_SECOND, Math.round(perSecond),
                perSecond >= TARGET_VALIDATION_PER_SECOND);
        summary.add(String.format(Locale.ROOT, "validation (parse + schema + %d rules, 1 thread): %,d resources/s (%d resources in %.2f ms; parse alone %.0f%%)",
                dev.dcforge.validate.rules.BuiltInRules.all().size(), Math.round(perSecond), resources, validateMs, 100 * parseMs / validateMs));

        double renderMs = scores.get("StackBenchmark.renderStack")[0];
        report.putObject("render").put("msPerStack", round(renderMs, 3)).put("msPerCombination", round(renderMs / ws.targets().size(), 3));
        summary.add(String.format(Locale.ROOT, "Jinja render of the stack: %.2f ms (%.2f ms per chart × environment)", renderMs, renderMs / ws.targets().size()));

        ArrayNode perTarget = report.putArray("perTarget");
        double worst = 0;
        for (String key : keys) {
            double engine = scores.get("TargetBenchmark.engine[" + key + "]")[0];
            double rtv = scores.get("TargetBenchmark.renderTemplateValidate[" + key + "]")[0];
            double pipeline = scores.get("TargetBenchmark.pipeline[" + key + "]")[0];
            double pkg = scores.get("TargetBenchmark.packageArchive[" + key + "]")[0];
            double ratio = rtv / engine;
            worst = Math.max(worst, ratio);
            perTarget.addObject().put("target", key).put("engineMs", round(engine, 3)).put("renderTemplateValidateMs", round(rtv, 3))
                    .put("pipelineMs", round(pipeline, 3)).put("packageMs", round(pkg, 3))
                    .put("ratioToEngine", round(ratio, 3)).put("pipelineRatioToEngine", round(pipeline / engine, 3))
                    .put("resources", ws.resourceCount(ws.target(key)));
            summary.add(String.format(Locale.ROOT, "  %-28s engine %7.2f ms | render+template+validate %7.2f ms = %.2f× | +package %7.2f ms = %.2f× | package alone %.2f ms",
                    key, engine, rtv, ratio, pipeline, pipeline / engine, pkg));
        }
        summary.add(summary.size() - keys.size(), "per chart × environment (JMH, ms/op; ratio to the bare helm-java template call):");
        target(targets, "renderTemplateValidateToEngineRatio", "<= " + TARGET_RENDER_VALIDATE_RATIO + " (worst chart × environment)",
                round(worst, 3), worst <= TARGET_RENDER_VALIDATE_RATIO);
    }

    /**
     * Validation throughput by this thread's CPU time as well as wall time: on a shared machine the wall clock
     * also counts the time other processes held the cores.
     */
    private void validationCpu(Workspace ws, int resources) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        List<dev.dcforge.validate.Validator.Input> inputs = ws.allInputs();
        long warmEnd = System.nanoTime() + 3_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            ws.validate(inputs);
        }
        long cpu0 = threads.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        int ops = 0;
        while (System.nanoTime() - wall0 < 3_000_000_000L) {
            ws.validate(inputs);
            ops++;
        }
        double wallS = (System.nanoTime() - wall0) / 1e9;
        double cpuS = (threads.getCurrentThreadCpuTime() - cpu0) / 1e9;
        ObjectNode v = report.has("validation") ? (ObjectNode) report.get("validation") : report.putObject("validation");
        v.put("resources", resources);
        v.put("loopResourcesPerSecondWall", Math.round(ops * resources / wallS));
        v.put("loopResourcesPerSecondCpu", Math.round(ops * resources / cpuS));
        v.put("loopCpuShare", round(cpuS / wallS, 3));
        summary.add(String.format(Locale.ROOT, "validation by CPU time of the validating thread: %,d resources/s (wall %,d; the thread had the CPU %.0f%% of the time)",
                Math.round(ops * resources / cpuS), Math.round(ops * resources / wallS), 100 * cpuS / wallS));
    }

    /**
     * Each chart × environment's stages timed one after another in rounds, in this JVM: the ratio of each pair
     * comes from the same moments, so load from other processes on a shared machine touches both sides alike.
     */
    private void interleaved(Workspace ws, ObjectNode targets) {
        int rounds = Integer.getInteger("bench.rounds", 15);
        List<Workspace.Target> all = ws.targets();
        Map<String, Map<String, List<Long>>> times = new LinkedHashMap<>();
        for (int round = -3; round < rounds; round++) {
            for (Workspace.Target t : all) {
                Map<String, List<Long>> m = times.computeIfAbsent(t.key(), k -> new LinkedHashMap<>());
                // the engine call goes first in even rounds and last in odd ones, so neither side gains from its place
                boolean engineFirst = (round & 1) == 0;
                long engine = 0;
                if (engineFirst) {
                    long e0 = System.nanoTime();
                    ws.engine(t);
                    engine = System.nanoTime() - e0;
                }
                long b = System.nanoTime();
                ws.render(t);
                long c = System.nanoTime();
                ws.template(t);
                long d = System.nanoTime();
                ws.validate(t);
                long e = System.nanoTime();
                ws.packageChart(t);
                long f = System.nanoTime();
                if (!engineFirst) {
                    ws.engine(t);
                    engine = System.nanoTime() - f;
                }
                if (round >= 0) { // the first rounds warm up
                    m.computeIfAbsent("engine", k -> new ArrayList<>()).add(engine);
                    m.computeIfAbsent("render", k -> new ArrayList<>()).add(c - b);
                    m.computeIfAbsent("template", k -> new ArrayList<>()).add(d - c);
                    m.computeIfAbsent("validate", k -> new ArrayList<>()).add(e - d);
                    m.computeIfAbsent("package", k -> new ArrayList<>()).add(f - e);
                    m.computeIfAbsent("renderTemplateValidate", k -> new ArrayList<>()).add(e - b);
                }
            }
        }
        ArrayNode list = report.putArray("perTargetInterleaved");
        double worst = 0;
        summary.add("per chart × environment, stages interleaved in one JVM (" + rounds + " rounds, medians; ratio to the bare helm-java template call):");
        for (Map.Entry<String, Map<String, List<Long>>> entry : times.entrySet()) {
            Map<String, Double> med = new LinkedHashMap<>();
            entry.getValue().forEach((stage, values) -> med.put(stage, ForkedBuild.median(values) / 1e6));
            double ratio = med.get("renderTemplateValidate") / med.get("engine");
            worst = Math.max(worst, ratio);
            ObjectNode o = list.addObject().put("target", entry.getKey());
            med.forEach((stage, v) -> o.put(stage + "Ms", round(v, 3)));
            o.put("ratioToEngine", round(ratio, 3));
            o.put("pipelineRatioToEngine", round((med.get("renderTemplateValidate") + med.get("package")) / med.get("engine"), 3));
            summary.add(String.format(Locale.ROOT, "  %-28s engine %6.2f | render %5.2f + template %6.2f + validate %5.2f = %6.2f ms = %.2f× | package %5.2f ms | pipeline %.2f×",
                    entry.getKey(), med.get("engine"), med.get("render"), med.get("template"), med.get("validate"), med.get("renderTemplateValidate"),
                    ratio, med.get("package"), (med.get("renderTemplateValidate") + med.get("package")) / med.get("engine")));
        }
        target(targets, "renderTemplateValidateToEngineRatioInterleaved", "<= " + TARGET_RENDER_VALIDATE_RATIO + " (worst chart × environment, stages interleaved in one JVM)",
                round(worst, 3), worst <= TARGET_RENDER_VALIDATE_RATIO);
    }

    /** Every chart × environment up to 9 of them, else the first environment of each chart (-Dbench.targets=all for all). */
    private static List<String> jmhTargets(Workspace ws) {
        String mode = System.getProperty("bench.targets", "auto");
        List<Workspace.Target> all = ws.targets();
        if (mode.equals("all") || (mode.equals("auto") && all.size() <= 9)) {
            return all.stream().map(Workspace.Target::key).toList();
        }
        Map<String, String> firstPerChart = new LinkedHashMap<>();
        all.forEach(t -> firstPerChart.putIfAbsent(t.chart(), t.key()));
        return new ArrayList<>(firstPerChart.values());
    }

    // ---------------------------------------------------------------- rebuild

    private void rebuild(JsonNode build, ObjectNode targets) {
        boolean available = build.path("incrementalParameter").asBoolean();
        double full = build.path("warmFullMs").asDouble();
        double noop = build.path("warmNoopMs").asDouble();
        double ratio = noop / full;
        ObjectNode rebuild = report.putObject("rebuild");
        rebuild.put("incrementalBuilds", available ? "available" : "not available yet");
        rebuild.put("fullBuildMs", full);
        rebuild.put("noopRebuildMs", noop);
        rebuild.put("ratio", round(ratio, 3));
        rebuild.put("coldFullBuildMs", build.path("coldFullMs").asDouble());
        rebuild.put("coldNoopRebuildMs", build.path("coldNoopMs").asDouble());
        rebuild.put("coldRatio", round(build.path("coldNoopMs").asDouble() / build.path("coldFullMs").asDouble(), 3));
        rebuild.put("fullBuildCpuMs", build.path("warmFullCpuMs").asDouble());
        rebuild.put("noopRebuildCpuMs", build.path("warmNoopCpuMs").asDouble());
        rebuild.put("cpuRatio", round(build.path("warmNoopCpuMs").asDouble() / build.path("warmFullCpuMs").asDouble(), 3));
        if (available) {
            target(targets, "noopRebuildToFullRatio", "<= " + TARGET_NOOP_RATIO, round(ratio, 3), ratio <= TARGET_NOOP_RATIO);
        } else {
            ObjectNode t = targets.putObject("noopRebuildToFullRatio");
            t.put("target", "<= " + TARGET_NOOP_RATIO);
            t.put("measured", round(ratio, 3));
            t.put("met", "not available yet: the goals have no incremental builds (issue 8 point 7); a second run redoes everything");
        }
        summary.add(String.format(Locale.ROOT, "rebuild (reference stack, goals in process): full %.0f ms, no-op %.0f ms = %.3f of a full build%s",
                full, noop, ratio, available ? "" : " (incremental builds not available yet)"));
    }

    // ---------------------------------------------------------------- helm CLI

    private void cli(Workspace ws, JsonNode build, ObjectNode targets) throws Exception {
        ObjectNode cli = report.putObject("cli");
        List<String> notes = new ArrayList<>();
        HelmCli helm = HelmCli.find(System.getProperty("bench.helm"), out, notes);
        double dcCold = build.path("coldFullMs").asDouble();
        double dcWarm = build.path("warmFullMs").asDouble();
        double dcProcess = build.path("processWallMs").asDouble();
        cli.put("dcforgeColdFullBuildMs", dcCold);
        cli.put("dcforgeWarmFullBuildMs", dcWarm);
        cli.put("dcforgeProcessWallMs", dcProcess);
        if (helm == null) {
            cli.put("helm", "skipped: no helm CLI");
            cli.set("notes", Yaml.json().valueToTree(notes));
            targets.putObject("referenceStackSpeedupOverCli").put("target", ">= " + TARGET_CLI_SPEEDUP).put("met", "skipped: no helm CLI");
            summary.add("helm CLI side by side: skipped: no helm CLI (" + String.join("; ", notes) + ")");
            return;
        }
        cli.put("helm", helm.version);
        cli.put("binary", helm.binary.toString());
        cli.put("pipeline", "per chart: helm dependency build; per chart × environment: helm lint --strict -f values, "
                + "helm template -f values --namespace --kube-version, helm package (values rendered by dcforge beforehand)");
        int rounds = 3;
        List<Long> totals = new ArrayList<>();
        List<Long> cpuTotals = new ArrayList<>();
        Map<String, List<Long>> byCommand = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            Path dir = Workspace.scratch("cli-");
            Builds.copyTree(repoRoot.resolve("charts"), dir.resolve("charts"), true);
            Map<String, Long> times = new LinkedHashMap<>();
            long children0 = childrenCpuNanos();
            long start = System.nanoTime();
            for (String chart : ws.charts()) {
                timed(times, "dependency build", () -> helm.run(dir, List.of("dependency", "build", "charts/" + chart)));
            }
            for (Workspace.Target t : ws.targets()) {
                String values = ws.layout.valuesFile(t.id()).toString();
                String chart = "charts/" + t.chart();
                timed(times, "lint", () -> helm.run(dir, List.of("lint", "--strict", chart, "-f", values)));
                timed(times, "template", () -> helm.run(dir, List.of("template", t.chart(), chart, "-f", values,
                        "--namespace", t.namespace(), "--kube-version", t.kubeVersion(),
                        "--output-dir", "manifests/" + t.env().name())));
                timed(times, "package", () -> helm.run(dir, List.of("package", chart, "-d", "packages/" + t.env().name())));
            }
            totals.add(System.nanoTime() - start);
            cpuTotals.add(childrenCpuNanos() - children0);
            times.forEach((k, v) -> byCommand.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            AtomicFiles.deleteTree(dir);
        }
        double cliMs = ForkedBuild.ms(ForkedBuild.median(totals));
        cli.put("cliPipelineMs", cliMs);
        cli.set("cliRunsMs", Yaml.json().valueToTree(totals.stream().map(ForkedBuild::ms).toList()));
        ObjectNode cmd = cli.putObject("cliByCommandMs");
        byCommand.forEach((k, v) -> cmd.put(k, ForkedBuild.ms(ForkedBuild.median(v))));
        cli.put("helmInvocations", ws.charts().size() + 3 * ws.targets().size());
        double cliCpuMs = ForkedBuild.ms(ForkedBuild.median(cpuTotals));
        cli.put("cliPipelineCpuMs", cliCpuMs);
        double dcColdCpu = build.path("coldFullCpuMs").asDouble();
        double dcWarmCpu = build.path("warmFullCpuMs").asDouble();
        cli.put("dcforgeColdFullBuildCpuMs", dcColdCpu);
        cli.put("dcforgeWarmFullBuildCpuMs", dcWarmCpu);
        double speedColdCpu = cliCpuMs / dcColdCpu;
        double speedWarmCpu = cliCpuMs / dcWarmCpu;
        cli.put("speedupColdCpu", round(speedColdCpu, 2));
        cli.put("speedupWarmCpu", round(speedWarmCpu, 2));
        double speedCold = cliMs / dcCold;
        double speedWarm = cliMs / dcWarm;
        double speedProcess = cliMs / dcProcess;
        cli.put("speedupColdInProcess", round(speedCold, 2));
        cli.put("speedupWarmInProcess", round(speedWarm, 2));
        cli.put("speedupFreshJvmProcess", round(speedProcess, 2));
        cli.put("note", "dcforge also validates (strict schema + rules) and merges values into the archives; the CLI pipeline does neither");
        target(targets, "referenceStackSpeedupOverCli", ">= " + TARGET_CLI_SPEEDUP + " (CPU time: the first build in a fresh JVM, JVM start excluded, "
                        + "against every helm process of the CLI pipeline; wall-clock figures in cli.*)",
                round(speedColdCpu, 2), speedColdCpu >= TARGET_CLI_SPEEDUP);
        summary.add(String.format(Locale.ROOT, "reference stack vs helm CLI (%s, %d invocations): CLI %.0f ms; dcforge first build %.0f ms (%.2f× faster), "
                        + "warm %.0f ms (%.2f×), fresh JVM incl. start %.0f ms (%.2f×)",
                helm.version, ws.charts().size() + 3 * ws.targets().size(), cliMs, dcCold, speedCold, dcWarm, speedWarm, dcProcess, speedProcess));
        summary.add(String.format(Locale.ROOT, "  by CPU time: CLI %.0f ms; dcforge first build %.0f ms (%.2f× less), warm %.0f ms (%.2f× less)",
                cliCpuMs, dcColdCpu, speedColdCpu, dcWarmCpu, speedWarmCpu));
    }

    /** CPU time (user + system) of this JVM's finished child processes, from /proc/self/stat; 0 elsewhere. */
    static long childrenCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields after the name start at 3 (state); cutime and cstime are fields 16 and 17
            long ticks = Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3]);
            return ticks * (1_000_000_000L / CLOCK_TICKS);
        } catch (Exception e) {
            return 0;
        }
    }

    /** USER_HZ: 100 on Linux (getconf CLK_TCK). */
    private static final long CLOCK_TICKS = 100;

    private interface Step {
        void run() throws Exception;
    }

    private static void timed(Map<String, Long> times, String name, Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        times.merge(name, System.nanoTime() - start, Long::sum);
    }

    // ---------------------------------------------------------------- scale

    private void scale(ObjectNode targets) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String s : System.getProperty("bench.scaleSizes", "10,50,100,250,500").split(",")) {
            if (!s.isBlank()) {
                sizes.add(Integer.parseInt(s.strip()));
            }
        }
        ObjectNode scale = report.putObject("scale");
        scale.put("heap", SCALE_HEAP);
        scale.put("what", "one full build (render, template incl. strict lint per chart, validate, package) of N charts × M environments "
                + "cloned from the reference charts and stack, each size in a fresh JVM");
        ArrayNode points = scale.putArray("sizes");
        List<double[]> xy = new ArrayList<>();
        List<double[]> xyWarm = new ArrayList<>();
        List<double[]> xyCpu = new ArrayList<>();
        boolean allOk = true;
        double maxPeak = 0;
        int largest = 0;
        summary.add("scale curve (" + SCALE_HEAP + ", fresh JVM per size):");
        for (int size : sizes) {
            JsonNode r;
            try {
                r = forked(List.of(SCALE_HEAP), "scale", repoRoot.toString(), Workspace.scratch("scale-").toString(), String.valueOf(size));
            } catch (IOException e) {
                allOk = false;
                points.addObject().put("combinations", size).put("error", e.getMessage());
                summary.add("  " + size + ": FAILED " + e.getMessage().lines().findFirst().orElse(""));
                continue;
            }
            points.add(r);
            int n = r.path("combinations").asInt();
            largest = Math.max(largest, n);
            xy.add(new double[]{n, r.path("buildMs").asDouble()});
            xyWarm.add(new double[]{n, r.path("warmBuildMs").asDouble()});
            xyCpu.add(new double[]{n, r.path("warmCpuMs").asDouble()});
            maxPeak = Math.max(maxPeak, r.path("peakHeapUsedMB").asDouble());
            summary.add(String.format(Locale.ROOT, "  %3d combinations (%d charts × %d envs): first build %7.0f ms = %6.1f ms/combination, again %7.0f ms = %5.1f ms/combination, CPU %7.0f ms = %5.1f ms/combination, peak heap %.0f MB (pools %.0f MB), live after %.0f MB, peak RSS %.0f MB",
                    n, r.path("charts").asInt(), r.path("environments").asInt(), r.path("buildMs").asDouble(), r.path("msPerCombination").asDouble(),
                    r.path("warmBuildMs").asDouble(), r.path("warmMsPerCombination").asDouble(),
                    r.path("warmCpuMs").asDouble(), r.path("warmCpuMs").asDouble() / n,
                    r.path("peakHeapUsedMB").asDouble(), r.path("peakHeapPoolsMB").asDouble(), r.path("liveHeapAfterBuildMB").asDouble(), r.path("peakRssMB").asDouble()));
        }
        if (xy.size() >= 2) {
            double[] fit = linearFit(xy);
            double[] warmFit = linearFit(xyWarm);
            scale.putObject("fitFirstBuild").put("interceptMs", round(fit[0], 1)).put("msPerCombination", round(fit[1], 2)).put("r2", round(fit[2], 4));
            scale.putObject("fitWarmBuild").put("interceptMs", round(warmFit[0], 1)).put("msPerCombination", round(warmFit[1], 2)).put("r2", round(warmFit[2], 4));
            ArrayNode marginal = scale.putArray("marginalMsPerCombination");
            for (int i = 1; i < xy.size(); i++) {
                double dx = xy.get(i)[0] - xy.get(i - 1)[0];
                marginal.addObject().put("from", (int) xy.get(i - 1)[0]).put("to", (int) xy.get(i)[0])
                        .put("firstBuildMs", round((xy.get(i)[1] - xy.get(i - 1)[1]) / dx, 2))
                        .put("warmBuildMs", round((xyWarm.get(i)[1] - xyWarm.get(i - 1)[1]) / dx, 2));
            }
            double[] cpuFit = linearFit(xyCpu);
            scale.putObject("fitWarmBuildCpu").put("interceptMs", round(cpuFit[0], 1)).put("msPerCombination", round(cpuFit[1], 2)).put("r2", round(cpuFit[2], 4));
            boolean linear = cpuFit[2] >= 0.98;
            boolean ok = allOk && linear && largest >= TARGET_SCALE_COMBINATIONS;
            target(targets, "linearTo500Within512MB", "R² >= 0.98 of build CPU time vs combinations (warm JVM) up to " + TARGET_SCALE_COMBINATIONS
                            + ", every size done with " + SCALE_HEAP,
                    Yaml.json().createObjectNode().put("r2WarmCpu", round(cpuFit[2], 4)).put("r2Warm", round(warmFit[2], 4)).put("r2FirstBuild", round(fit[2], 4)).put("largest", largest)
                            .put("peakHeapMB", round(maxPeak, 1)).put("allSizesCompleted", allOk), ok);
            summary.add(String.format(Locale.ROOT, "  fit, first build in the JVM: %.0f ms + %.2f ms × combinations, R² = %.4f", fit[0], fit[1], fit[2]));
            summary.add(String.format(Locale.ROOT, "  fit, same build again:       %.0f ms + %.2f ms × combinations, R² = %.4f", warmFit[0], warmFit[1], warmFit[2]));
            summary.add(String.format(Locale.ROOT, "  fit, again, CPU time:        %.0f ms + %.2f ms × combinations, R² = %.4f", cpuFit[0], cpuFit[1], cpuFit[2]));
        }
    }

    /** Least squares: intercept, slope, R². */
    static double[] linearFit(List<double[]> xy) {
        int n = xy.size();
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (double[] p : xy) {
            sx += p[0];
            sy += p[1];
            sxx += p[0] * p[0];
            sxy += p[0] * p[1];
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        double mean = sy / n, ssTot = 0, ssRes = 0;
        for (double[] p : xy) {
            ssTot += (p[1] - mean) * (p[1] - mean);
            double e = p[1] - (intercept + slope * p[0]);
            ssRes += e * e;
        }
        return new double[]{intercept, slope, ssTot == 0 ? 1 : 1 - ssRes / ssTot};
    }

    // ---------------------------------------------------------------- helpers

    /** Runs {@link ForkedBuild} in a fresh JVM; returns its RESULT line, with the process wall time added. */
    private JsonNode forked(List<String> jvmArgs, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ForkedBuild.class.getName());
        command.addAll(List.of(args));
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String result = null;
        StringBuilder log = new StringBuilder();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    result = line.substring("RESULT ".length());
                } else if (log.length() < 20_000) {
                    log.append(line).append('\n');
                }
            }
        }
        int exit = p.waitFor();
        long wall = System.nanoTime() - start;
        AtomicFiles.deleteTree(Path.of(args[2]));
        if (result == null) {
            throw new IOException("forked build " + String.join(" ", args) + " (" + String.join(" ", jvmArgs) + ") exited " + exit + ":\n" + log);
        }
        ObjectNode node = (ObjectNode) Yaml.json().readTree(result);
        node.put("processWallMs", ForkedBuild.ms(wall));
        return node;
    }

    private static void target(ObjectNode targets, String name, String target, Object measured, boolean met) {
        ObjectNode t = targets.putObject(name);
        t.put("target", target);
        t.set("measured", Yaml.json().valueToTree(measured));
        t.put("met", met);
    }

    private ObjectNode machine() {
        ObjectNode m = Yaml.json().createObjectNode();
        m.put("nproc", Runtime.getRuntime().availableProcessors());
        m.put("cpu", cpuModel());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vendor") + ")");
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        m.put("memoryMB", totalMemoryMb());
        m.set("loadAverageAtStart", Yaml.json().valueToTree(loadAverage()));
        return m;
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    private static long totalMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    private static List<String> loadAverage() {
        try {
            return Arrays.asList(Files.readString(Path.of("/proc/loadavg")).strip().split(" ")).subList(0, 3);
        } catch (IOException e) {
            return Collections.emptyList();
        }
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
