package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;

import java.util.Optional;

/**
 * The container's memory limit (or, without a limit, its request) must hold the JVM's maximum heap plus the
 * memory the JVM uses outside the heap: reserved code cache (JVM_RESERVED_CODE_CACHE_SIZE, 256m by default in the
 * Atlassian images) and metaspace, threads and native buffers, estimated as a quarter of the heap but at least 512Mi.
 */
public final class MemoryBelowHeapRule extends JavaRule {
    static final long MIN_OVERHEAD = 512L << 20;
    static final long DEFAULT_CODE_CACHE = 256L << 20;

    public MemoryBelowHeapRule() {
        super("atlassian-memory-below-heap", Severity.ERROR, "atlassian", "Container memory below JVM heap plus overhead",
                "The JVM uses memory beyond -Xmx (code cache, metaspace, thread stacks, native buffers). When the container "
                        + "limit is below heap + overhead the kernel OOM-kills the product under load; when the request is, "
                        + "the node is overcommitted.",
                "Raise resources.limits.memory (and requests) to at least the heap plus max(25% of heap, 512Mi) plus the code "
                        + "cache, or lower <product>.resources.jvm.maxHeap.");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject w : set.workloads()) {
            for (ContainerConfig c : ContainerConfig.of(set, w)) {
                Optional<Long> heap = c.maxHeap();
                if (heap.isEmpty()) {
                    continue;
                }
                JsonNode resources = c.container.json().path("resources");
                String which = resources.path("limits").has("memory") ? "limit" : "request";
                JsonNode memory = resources.path(which + "s").path("memory");
                if (memory.isMissingNode()) {
                    continue;
                }
                Long bytes = Quantities.k8sBytes(memory.asText());
                if (bytes == null) {
                    continue;
                }
                long codeCache = Optional.ofNullable(c.env.get("JVM_RESERVED_CODE_CACHE_SIZE"))
                        .map(ContainerConfig.Env::value).map(Quantities::jvmBytes).orElse(DEFAULT_CODE_CACHE);
                long needed = heap.get() + codeCache + Math.max(heap.get() / 4, MIN_OVERHEAD);
                if (bytes < needed) {
                    // below the limit the kernel kills the JVM; below only the request the node is overcommitted
                    Severity severity = which.equals("limit") ? Severity.ERROR : Severity.WARNING;
                    sink.report(w, "container '" + c.name() + "': memory " + which + " " + memory.asText() + " ("
                            + Quantities.mebibytes(bytes) + ") is below max heap " + Quantities.mebibytes(heap.get())
                            + " (from " + String.join(", ", c.heapSources) + ") + code cache " + Quantities.mebibytes(codeCache)
                            + " + overhead " + Quantities.mebibytes(Math.max(heap.get() / 4, MIN_OVERHEAD))
                            + " = " + Quantities.mebibytes(needed), severity);
                }
            }
        }
    }
}
