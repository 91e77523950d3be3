package dev.dcforge.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.model.Finding;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings accepted as they are today, so that only new ones fail the build. {@link #record} writes the current
 * findings' fingerprints (rule, environment, chart, object and message, not line numbers); {@link #apply} moves the
 * findings found in the baseline to the suppressed list and reports the baseline entries that no longer occur, so
 * that the file can shrink.
 */
public final class Baseline {
    public static final int VERSION = 1;

    /** One accepted finding; a fingerprint may be accepted more than once (count). */
    public record Entry(String fingerprint, String rule, String severity, String environment, String chart, String object,
                        String message) {
    }

    /** The result with baselined findings suppressed, and the baseline entries that no finding matched any more. */
    public record Applied(ValidationResult result, List<Entry> fixed) {
    }

    private final Path file;
    private final List<Entry> entries;

    private Baseline(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Writes every active finding of the result (suppressed ones are not needed) to the baseline file. */
    public static Path record(ValidationResult result, Path file) {
        ObjectNode root = Yaml.json().createObjectNode();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("findings");
        result.findings().stream().sorted(Comparator.comparing(Finding::fingerprint)).forEach(f -> {
            ObjectNode e = list.addObject();
            e.put("fingerprint", f.fingerprint());
            e.put("rule", f.rule());
            e.put("severity", f.severity().label());
            e.put("environment", f.environment());
            e.put("chart", f.chart());
            e.put("object", f.kind() + "/" + f.name());
            e.put("message", f.message());
        });
        AtomicFiles.write(file, "# dcforge baseline: findings accepted when it was recorded; only new findings fail the build.\n"
                + "# Re-record with -Ddcforge.baseline=record after fixing some, so that the file shrinks.\n"
                + Yaml.write(root));
        return file;
    }

    public static Baseline load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file.toString(), 0, "baseline file not found", "record one with -Ddcforge.baseline=record");
        }
        JsonNode root = Yaml.read(file);
        if (root == null || !root.isObject() || root.path("version").asInt(0) != VERSION || !root.path("findings").isArray()) {
            throw new UserError(file.toString(), 1, "not a dcforge baseline (version " + VERSION + " with a findings list)",
                    "re-record it with -Ddcforge.baseline=record");
        }
        List<Entry> entries = new ArrayList<>();
        for (JsonNode e : root.path("findings")) {
            String fp = e.path("fingerprint").asText("");
            if (fp.isEmpty()) {
                throw new UserError(file.toString(), 0, "a baseline entry has no fingerprint", "re-record it with -Ddcforge.baseline=record");
            }
            entries.add(new Entry(fp, e.path("rule").asText(""), e.path("severity").asText(""), e.path("environment").asText(""),
                    e.path("chart").asText(""), e.path("object").asText(""), e.path("message").asText("")));
        }
        return new Baseline(file, entries);
    }

    public Applied apply(ValidationResult result) {
        Map<String, List<Entry>> remaining = new LinkedHashMap<>();
        for (Entry e : entries) {
            remaining.computeIfAbsent(e.fingerprint(), k -> new ArrayList<>()).add(e);
        }
        List<Finding> active = new ArrayList<>();
        List<ValidationResult.Suppressed> suppressed = new ArrayList<>(result.suppressed());
        for (Finding f : result.findings()) {
            List<Entry> left = remaining.get(f.fingerprint());
            if (left != null && !left.isEmpty()) {
                left.remove(0);
                suppressed.add(new ValidationResult.Suppressed(f, "accepted in the baseline", "baseline " + file));
            } else {
                active.add(f);
            }
        }
        List<Entry> fixed = remaining.values().stream().flatMap(List::stream).toList();
        List<String> notices = new ArrayList<>(result.notices());
        if (!fixed.isEmpty()) {
            notices.add("baseline " + file + ": " + fixed.size() + " accepted finding(s) no longer occur; re-record with "
                    + "-Ddcforge.baseline=record to shrink the baseline");
            for (Entry e : fixed) {
                notices.add("  fixed: [" + e.rule() + "] " + e.environment() + "/" + e.chart() + " " + e.object() + ": " + e.message());
            }
        }
        return new Applied(new ValidationResult(active, suppressed, result.objects(), result.rulesRun(), notices), fixed);
    }
}
