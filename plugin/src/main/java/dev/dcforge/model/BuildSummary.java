package dev.dcforge.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * What each stage did, kept in {@code target/dcforge/summary.json} so that the last goal of a build can
 * print one table: chart × environment with resources, findings by severity, package and stage times.
 */
public final class BuildSummary {
    private final Path file;
    private final ObjectNode root;

    private BuildSummary(Path file, ObjectNode root) {
        this.file = file;
        this.root = root;
    }

    public static BuildSummary load(OutputLayout layout) {
        Path file = layout.summaryFile();
        ObjectNode root = Files.isRegularFile(file) ? (ObjectNode) Yaml.read(file) : Yaml.json().createObjectNode();
        return new BuildSummary(file, root);
    }

    /** Starts a fresh summary: the first stage of a build forgets the previous build's. */
    public static BuildSummary fresh(OutputLayout layout) {
        return new BuildSummary(layout.summaryFile(), Yaml.json().createObjectNode());
    }

    public void stageTime(String stage, long millis) {
        root.with("stages").put(stage, millis);
        root.with("upToDate").remove(stage);
    }

    /** The stage found its inputs unchanged and skipped its work in {@code millis}. */
    public void stageUpToDate(String stage, long millis) {
        root.with("stages").put(stage, millis);
        root.with("upToDate").put(stage, true);
    }

    private ObjectNode target(ChartTarget t) {
        return root.with("targets").with(t.toString());
    }

    public void resources(ChartTarget t, int count) {
        target(t).put("resources", count);
    }

    public void findings(ChartTarget t, long errors, long warnings, long infos) {
        target(t).put("errors", errors).put("warnings", warnings).put("infos", infos);
    }

    public void packagePath(ChartTarget t, String path) {
        target(t).put("package", path);
    }

    public void save() {
        AtomicFiles.write(file, Yaml.writeJson(root));
        AtomicFiles.write(textFile(file), String.join("\n", table()) + "\n");
    }

    private static Path textFile(Path jsonFile) {
        return jsonFile.resolveSibling("summary.txt");
    }

    /**
     * The table of the last saved summary with a new time line, read from its text copy without a JSON
     * parser: what a build whose every stage was up to date prints. Null when there is no text copy.
     *
     * @param upToDateMillis check time per stage found up to date
     */
    public static List<String> savedTable(OutputLayout layout, java.util.Map<String, Long> upToDateMillis) {
        Path text = textFile(layout.summaryFile());
        if (!Files.isRegularFile(text)) {
            return null;
        }
        List<String> lines;
        try {
            lines = new ArrayList<>(Files.readAllLines(text));
        } catch (java.io.IOException e) {
            return null;
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).startsWith("time per stage:")) {
            lines.remove(lines.size() - 1);
        }
        StringBuilder times = new StringBuilder("time per stage:");
        for (String stage : List.of("render", "template", "validate", "package")) {
            Long ms = upToDateMillis.get(stage);
            times.append(' ').append(stage).append(' ').append(ms == null ? "-" : ms + " ms (up to date)");
        }
        lines.add(times.toString());
        return lines;
    }

    /** The table printed at the end of a build. */
    public List<String> table() {
        List<String> lines = new ArrayList<>();
        JsonNode targets = root.path("targets");
        TreeSet<String> names = new TreeSet<>();
        targets.fieldNames().forEachRemaining(names::add);
        int width = Math.max(18, names.stream().mapToInt(String::length).max().orElse(0));
        String header = String.format(Locale.ROOT, "%-" + width + "s %9s %6s %8s %5s  %s", "environment/chart", "resources",
                "errors", "warnings", "info", "package");
        lines.add(header);
        lines.add("-".repeat(header.length() + 20));
        for (String name : names) {
            JsonNode t = targets.path(name);
            lines.add(String.format(Locale.ROOT, "%-" + width + "s %9s %6s %8s %5s  %s", name, cell(t, "resources"),
                    cell(t, "errors"), cell(t, "warnings"), cell(t, "infos"), t.path("package").asText("-")));
        }
        StringBuilder times = new StringBuilder("time per stage:");
        for (String stage : List.of("render", "template", "validate", "package")) {
            JsonNode ms = root.path("stages").path(stage);
            times.append(' ').append(stage).append(' ').append(ms.isMissingNode() ? "-" : ms.asLong() + " ms");
            if (root.path("upToDate").path(stage).asBoolean(false)) {
                times.append(" (up to date)");
            }
        }
        lines.add(times.toString());
        return lines;
    }

    private static String cell(JsonNode t, String field) {
        return t.has(field) ? t.get(field).asText() : "-";
    }
}
