package dev.dcforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.model.OverrideOrigins;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;
import dev.dcforge.support.YamlLines;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Iterator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each path of a rendered values file was set: override template and line. Written next to the
 * values file ({@link OutputLayout#sourceMapFile}) by the render stage; later stages load it to point a
 * finding at the override line that caused it:
 *
 * <pre>
 * SourceMap.load(layout, target).lookup("confluence.additionalEnvironmentVariables[0].value")
 *     .map(SourceMap.Source::toString)   // "overrides/confluence.yaml.j2:42"
 * </pre>
 *
 * Paths use dots for keys and [n] for list items; keys that are not plain identifiers are written
 * ["quoted"] (for example {@code podAnnotations["example.com/team"]}). {@link #lookupPointer} takes a
 * JSON pointer instead ({@code /confluence/additionalEnvironmentVariables/0/value}).
 */
public final class SourceMap {
    /** An override template (relative to the folder holding the overrides folder when persisted) and a 1-based line. */
    public record Source(String file, int line) {
        @Override
        public String toString() {
            return line > 0 ? file + ":" + line : file;
        }
    }

    private final Map<String, Source> entries;

    SourceMap(Map<String, Source> entries) {
        this.entries = entries;
    }

    public static SourceMap empty() {
        return new SourceMap(new LinkedHashMap<>());
    }

    /** The source map of a rendered chart and environment; empty when the render stage wrote none. */
    public static SourceMap load(OutputLayout layout, ChartTarget target) {
        return read(layout.sourceMapFile(target));
    }

    public static SourceMap read(Path file) {
        Map<String, Source> entries = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return new SourceMap(entries);
        }
        JsonNode root;
        try {
            root = Yaml.json().readTree(Yaml.readText(file));
        } catch (java.io.IOException e) {
            throw new UserError(file.toString(), 0, "unreadable source map: " + e.getMessage(), "run the render goal again");
        }
        root.path("sources").fields().forEachRemaining(e ->
                entries.put(e.getKey(), new Source(e.getValue().path("file").asText(), e.getValue().path("line").asInt())));
        return new SourceMap(entries);
    }

    /** The source of exactly this path, or of its nearest ancestor that has one (the map or list that holds it). */
    public Optional<Source> lookup(String path) {
        String p = path == null ? "" : path;
        while (true) {
            Source s = entries.get(p);
            if (s != null) {
                return Optional.of(s);
            }
            if (p.isEmpty()) {
                return Optional.empty();
            }
            p = YamlLines.parent(p);
        }
    }

    /** Like {@link #lookup} for a JSON pointer ({@code /a/b/0}); numeric segments under a list are indexes. */
    public Optional<Source> lookupPointer(String pointer) {
        if (pointer == null || pointer.isEmpty() || pointer.equals("/")) {
            return lookup("");
        }
        String path = "";
        for (String raw : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
            String seg = raw.replace("~1", "/").replace("~0", "~");
            String asIndex = YamlLines.index(path, seg.matches("\\d+") ? Integer.parseInt(seg) : -1);
            path = seg.matches("\\d+") && (entries.containsKey(asIndex) || !entries.containsKey(YamlLines.child(path, seg)))
                    ? asIndex : YamlLines.child(path, seg);
        }
        return lookup(path);
    }

    /** Every text value of the rendered values that an override set, with the override line that set it. */
    public OverrideOrigins origins(JsonNode values) {
        List<OverrideOrigins.Origin> origins = new ArrayList<>();
        collect(values, "", origins);
        return new OverrideOrigins(origins);
    }

    private void collect(JsonNode node, String pointer, List<OverrideOrigins.Origin> into) {
        if (node.isTextual()) {
            lookupPointer(pointer).ifPresent(s -> into.add(new OverrideOrigins.Origin(node.asText(), s.file(), s.line())));
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), into));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, into);
            }
        }
    }

    /** Exactly this path's source. */
    public Optional<Source> exact(String path) {
        return Optional.ofNullable(entries.get(path));
    }

    public Map<String, Source> entries() {
        return Collections.unmodifiableMap(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Applies one layer the way {@link Values#deepMerge} merges values: a path the overlay sets to a map
     * keeps the base's entries below it; a path set to anything else (lists too) replaces them.
     */
    void merge(ObjectNode base, ObjectNode overlay, SourceMap layer, String path) {
        for (Iterator<Map.Entry<String, JsonNode>> it = overlay.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String child = YamlLines.child(path, e.getKey());
            JsonNode existing = base.get(e.getKey());
            if (!(existing instanceof ObjectNode baseChild && e.getValue() instanceof ObjectNode overlayChild)) {
                entries.keySet().removeIf(k -> k.equals(child) || k.startsWith(child + ".") || k.startsWith(child + "["));
                layer.entries.forEach((k, v) -> {
                    if (k.equals(child) || k.startsWith(child + ".") || k.startsWith(child + "[")) {
                        entries.put(k, v);
                    }
                });
            } else {
                layer.exact(child).ifPresent(s -> entries.put(child, s));
                merge(baseChild, overlayChild, layer, child);
            }
        }
    }

    /** Entries in the order of the values tree, files relative to base. */
    SourceMap ordered(JsonNode values, Path base) {
        Map<String, Source> out = new LinkedHashMap<>();
        walk(values, "", out, base, new HashMap<>());
        return new SourceMap(out);
    }

    /** @param relativeFiles each file name relativized once: the values of one file all name it */
    private void walk(JsonNode node, String path, Map<String, Source> out, Path base, Map<String, String> relativeFiles) {
        Source s = entries.get(path);
        if (s != null && !path.isEmpty()) {
            String file = relativeFiles.computeIfAbsent(s.file(), f -> relativeTo(base, f));
            out.put(path, new Source(file, s.line()));
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), YamlLines.child(path, e.getKey()), out, base, relativeFiles));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), YamlLines.index(path, i), out, base, relativeFiles);
            }
        }
    }

    private static String relativeTo(Path base, String file) {
        try {
            Path p = Path.of(file);
            if (p.isAbsolute() && p.startsWith(base)) {
                return base.relativize(p).toString().replace('\\', '/');
            }
        } catch (RuntimeException e) {
            // keep the file as it is
        }
        return file;
    }

    void write(Path file, ChartTarget target) {
        ObjectNode root = Yaml.json().createObjectNode();
        root.put("environment", target.environment());
        root.put("chart", target.chart());
        ObjectNode sources = root.putObject("sources");
        entries.forEach((path, s) -> {
            ObjectNode o = sources.putObject(path);
            o.put("file", s.file());
            o.put("line", s.line());
        });
        AtomicFiles.write(file, Yaml.writeJson(root));
    }
}
