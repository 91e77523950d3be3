package dev.dcforge.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A chart repository's {@code index.yaml}, written the way {@code helm repo index} writes it: apiVersion
 * v1, entries per chart name sorted by version (newest first), each entry the Chart.yaml metadata plus
 * {@code urls}, {@code created} and the archive's sha256 {@code digest}, keys in alphabetical order
 * (Helm marshals through JSON), and {@code generated}. Times come from a fixed instant so that the
 * index is reproducible. Merging follows {@code helm repo index --merge}: entries of the archives in
 * the folder win; entries of the existing index for other charts or versions are kept.
 */
public final class RepoIndex {
    public static final String FILE = "index.yaml";

    /** Fields of Helm's chart Metadata (its JSON names); anything else in Chart.yaml is not indexed. */
    private static final Set<String> METADATA = Set.of("name", "home", "sources", "version", "description", "keywords",
            "maintainers", "icon", "apiVersion", "condition", "tags", "appVersion", "deprecated", "annotations",
            "kubeVersion", "dependencies", "type");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Instant created;
    private final String baseUrl;

    /**
     * @param created the {@code created} time of new entries and the {@code generated} time of the index
     * @param baseUrl URL the archives will be served from, or null/blank for URLs relative to the index
     */
    public RepoIndex(Instant created, String baseUrl) {
        this.created = created;
        this.baseUrl = baseUrl == null || baseUrl.isBlank() ? null : baseUrl.strip();
    }

    /**
     * Indexes every {@code .tgz} directly in {@code dir} and writes {@code dir/index.yaml}.
     *
     * @param mergeWith an existing index whose other entries are kept, or null
     */
    public Path write(Path dir, Path mergeWith) {
        ObjectNode index = build(dir);
        if (mergeWith != null) {
            merge(index, mergeWith);
        }
        sortEntries(index);
        Path file = dir.resolve(FILE);
        AtomicFiles.write(file, toGoYaml(sortKeys(index)));
        return file;
    }

    ObjectNode build(Path dir) {
        ObjectNode index = Yaml.json().createObjectNode();
        index.put("apiVersion", "v1");
        ObjectNode entries = index.putObject("entries");
        List<Path> archives;
        try (Stream<Path> files = Files.list(dir)) {
            archives = files.filter(f -> f.getFileName().toString().endsWith(".tgz") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UserError(dir.toString(), 0, "cannot list packages: " + e.getMessage(), "check permissions");
        }
        for (Path archive : archives) {
            ObjectNode entry = metadata(archive);
            String name = entry.path("name").asText();
            String file = archive.getFileName().toString();
            entry.putArray("urls").add(baseUrl == null ? file : joinUrl(baseUrl, file));
            entry.put("created", goTime(created));
            entry.put("digest", sha256(archive));
            entries.withArray(name).add(entry);
        }
        index.put("generated", goTime(created));
        return index;
    }

    /** Adds the existing index's entries whose name and version are not indexed already. */
    static void merge(ObjectNode index, Path existingFile) {
        if (!Files.isRegularFile(existingFile)) {
            return;
        }
        JsonNode existing = Yaml.read(existingFile);
        if (!existing.isObject() || !existing.path("apiVersion").asText().equals("v1") || !existing.path("entries").isObject()) {
            throw new UserError(existingFile.toString(), 1, "not a Helm repository index (apiVersion v1 with entries)",
                    "point the merge at the index.yaml that 'helm repo index' wrote, or remove the setting");
        }
        ObjectNode entries = (ObjectNode) index.get("entries");
        existing.path("entries").fields().forEachRemaining(e -> {
            for (JsonNode old : e.getValue()) {
                String version = old.path("version").asText();
                boolean known = false;
                for (JsonNode current : entries.path(e.getKey())) {
                    known |= current.path("version").asText().equals(version);
                }
                if (!known) {
                    entries.withArray(e.getKey()).add(old.deepCopy());
                }
            }
        });
    }

    static void sortEntries(ObjectNode index) {
        ObjectNode entries = (ObjectNode) index.get("entries");
        entries.fields().forEachRemaining(e -> {
            List<JsonNode> versions = new ArrayList<>();
            e.getValue().forEach(versions::add);
            versions.sort((a, b) -> SemVer.compare(b.path("version").asText(), a.path("version").asText()));
            ArrayNode sorted = Yaml.json().createArrayNode();
            versions.forEach(sorted::add);
            e.setValue(sorted);
        });
    }

    /** Chart.yaml of the archive's top-level chart, restricted to Helm's Metadata fields. */
    static ObjectNode metadata(Path archive) {
        try (InputStream in = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                String[] parts = e.getName().split("/");
                if (parts.length == 2 && parts[1].equals("Chart.yaml")) {
                    JsonNode chart = Yaml.parse(new String(tar.readAllBytes(), StandardCharsets.UTF_8), archive + "!/" + e.getName());
                    ObjectNode meta = Yaml.json().createObjectNode();
                    chart.fields().forEachRemaining(f -> {
                        if (METADATA.contains(f.getKey()) && !f.getValue().isNull()) {
                            boolean stringField = !f.getValue().isContainerNode() && !f.getKey().equals("deprecated");
                            meta.set(f.getKey(), stringField ? meta.textNode(f.getValue().asText()) : f.getValue());
                        }
                    });
                    return meta;
                }
            }
        } catch (IOException e) {
            throw new UserError(archive.toString(), 0, "cannot read chart archive: " + e.getMessage(), "rebuild the package");
        }
        throw new UserError(archive.toString(), 0, "chart archive has no <name>/Chart.yaml", "rebuild the package with dcforge:package");
    }

    static String joinUrl(String base, String file) {
        return (base.endsWith("/") ? base : base + "/") + file;
    }

    /** Go's time.RFC3339Nano in UTC, as Helm marshals time.Time. */
    static String goTime(Instant t) {
        StringBuilder s = new StringBuilder(SECONDS.format(t));
        if (t.getNano() != 0) {
            s.append('.').append(String.format("%09d", t.getNano()).replaceFirst("0+$", ""));
        }
        return s.append('Z').toString();
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UserError(file.toString(), 0, "cannot read: " + e.getMessage(), "check permissions");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Helm marshals through JSON into maps: every mapping's keys come out sorted. */
    static JsonNode sortKeys(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.fields().forEachRemaining(e -> sorted.put(e.getKey(), sortKeys(e.getValue())));
            ObjectNode out = Yaml.json().createObjectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = Yaml.json().createArrayNode();
            node.forEach(n -> out.add(sortKeys(n)));
            return out;
        }
        return node;
    }

    /** YAML in the style of Go's yaml.v2 (what Helm writes): sequences not indented under their key. */
    static String toGoYaml(JsonNode node) {
        StringBuilder out = new StringBuilder();
        GoYaml.emit(node, 0, out);
        return out.toString();
    }
}
