package dev.dcforge.bench;

import dev.dcforge.support.AtomicFiles;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.support.Yaml;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Full builds in a fresh JVM (started by {@link BenchMain}, e.g. with -Xmx512m); prints one JSON line
 * starting with "RESULT ".
 *
 * <ul>
 *   <li>{@code reference <repoRoot> <work> <rounds>}: the reference stack; a cold full build, then rounds of
 *   no-op rebuild / clean full build (output folder deleted);</li>
 *   <li>{@code scale <repoRoot> <work> <combinations>}: a generated repository of that many chart ×
 *   environment combinations, one full build, time and peak heap.</li>
 * </ul>
 */
public final class ForkedBuild {
    public static void main(String[] args) throws Exception {
        long jvmStartMs = ManagementFactory.getRuntimeMXBean().getStartTime();
        String mode = args[0];
        Path repoRoot = Path.of(args[1]);
        Path work = Path.of(args[2]);
        Files.createDirectories(work);
        MojoRunner runner = new MojoRunner();
        ObjectNode result = Yaml.json().createObjectNode();
        Map<String, String> params = new HashMap<>(Builds.params());
        HeapSampler heap = new HeapSampler();
        if (mode.equals("reference")) {
            int rounds = Math.max(1, Integer.parseInt(args[3]));
            Path project = Builds.copyProject(repoRoot.resolve("charts"), repoRoot.resolve("overrides"), work.resolve("project"));
            result.put("jvmStartToBuildMs", System.currentTimeMillis() - jvmStartMs);
            heap.start();
            long cpu0 = cpu();
            long cold = Builds.build(runner, project, params);
            result.put("coldFullCpuMs", ms(cpu() - cpu0));
            result.set("coldFullGoalsMs", goalTimes(runner));
            long coldNoop = Builds.build(runner, project, params);
            result.set("coldNoopGoalsMs", goalTimes(runner));
            List<Long> full = new ArrayList<>();
            List<Long> noop = new ArrayList<>();
            List<Long> fullCpu = new ArrayList<>();
            List<Long> noopCpu = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                AtomicFiles.deleteTree(project.resolve("target"));
                long c0 = cpu();
                full.add(Builds.build(runner, project, params));
                long c1 = cpu();
                result.set("warmFullGoalsMs", goalTimes(runner));
                noop.add(Builds.build(runner, project, params));
                noopCpu.add(cpu() - c1);
                fullCpu.add(c1 - c0);
                result.set("warmNoopGoalsMs", goalTimes(runner));
            }
            heap.stop();
            result.put("coldFullMs", ms(cold));
            result.put("coldNoopMs", ms(coldNoop));
            result.put("warmFullMs", ms(median(full)));
            result.put("warmNoopMs", ms(median(noop)));
            result.put("warmFullCpuMs", ms(median(fullCpu)));
            result.put("warmNoopCpuMs", ms(median(noopCpu)));
            result.set("warmFullRunsMs", Yaml.json().valueToTree(full.stream().map(ForkedBuild::ms).toList()));
            result.set("warmNoopRunsMs", Yaml.json().valueToTree(noop.stream().map(ForkedBuild::ms).toList()));
            result.put("incrementalParameter", runner.hasParameter("template", "incremental"));
        } else if (mode.equals("scale")) {
            int combinations = Integer.parseInt(args[3]);
            int[] shape = ScaleProject.shape(combinations);
            Path project = ScaleProject.generate(repoRoot, work.resolve("project"), shape[0], shape[1]);
            System.gc();
            heap.start();
            long cpu0 = cpu();
            long t = Builds.build(runner, project, params);
            long cpu1 = cpu();
            result.set("goalsMs", goalTimes(runner));
            // the same build again in this JVM (output deleted): the cost per combination once classes are
            // loaded, schemas converted and the JIT has compiled the hot paths
            AtomicFiles.deleteTree(project.resolve("target"));
            long cpu2 = cpu();
            long warm = Builds.build(runner, project, params);
            long cpu3 = cpu();
            heap.stop();
            result.put("cpuMs", ms(cpu1 - cpu0));
            result.put("warmCpuMs", ms(cpu3 - cpu2));
            result.set("warmGoalsMs", goalTimes(runner));
            result.put("warmBuildMs", ms(warm));
            result.put("warmMsPerCombination", ms(warm) / (shape[0] * shape[1]));
            result.put("charts", shape[0]);
            result.put("environments", shape[1]);
            result.put("combinations", shape[0] * shape[1]);
            result.put("buildMs", ms(t));
            result.put("msPerCombination", ms(t) / (shape[0] * shape[1]));
            result.put("manifests", countFiles(project.resolve("target/dcforge/manifests")));
            result.put("packageFiles", countFiles(project.resolve("target/dcforge/packages")));
        } else {
            throw new IllegalArgumentException("mode reference|scale");
        }
        result.put("maxHeapMB", Runtime.getRuntime().maxMemory() / (1024.0 * 1024));
        result.put("peakHeapUsedMB", heap.peakSampled.get() / (1024.0 * 1024));
        result.put("peakHeapPoolsMB", heap.peakPools() / (1024.0 * 1024));
        System.gc();
        result.put("liveHeapAfterBuildMB", heapUsed() / (1024.0 * 1024));
        result.put("peakRssMB", peakRssKb() / 1024.0);
        System.out.println("RESULT " + Yaml.json().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(result));
        System.out.flush();
        System.exit(0); // Helm's native threads do not keep us
    }

    private static ObjectNode goalTimes(MojoRunner runner) {
        ObjectNode times = Yaml.json().createObjectNode();
        runner.goalTimes.forEach((goal, nanos) -> times.put(goal, ms(nanos)));
        runner.resetTimes();
        return times;
    }

    static double ms(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long countFiles(Path dir) throws java.io.IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).count();
        }
    }

    /** CPU time of this process, all threads (Helm's Go threads, JIT and GC included): what the build costs whatever else runs. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** VmHWM of /proc/self/status (peak resident set, Go heap of the Helm library included), or -1. */
    static long peakRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (Exception e) {
            // not Linux
        }
        return -1;
    }

    /** Peak heap: sampled every 5 ms, and the sum of the heap pools' own peaks (an upper bound). */
    static final class HeapSampler {
        final AtomicLong peakSampled = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        void start() {
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    pool.resetPeakUsage();
                }
            }
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    peakSampled.accumulateAndGet(heapUsed(), Math::max);
                    try {
                        Thread.sleep(5);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            peakSampled.accumulateAndGet(heapUsed(), Math::max);
            running = false;
            thread.join();
        }

        long peakPools() {
            long sum = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP) {
                    sum += pool.getPeakUsage().getUsed();
                }
            }
            return sum;
        }
    }
}
