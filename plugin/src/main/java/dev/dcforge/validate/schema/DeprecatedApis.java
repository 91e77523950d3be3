package dev.dcforge.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.support.SetupError;
import dev.dcforge.support.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The table of deprecated and removed API versions in {@code dcforge/deprecated-apis.yaml}. */
public final class DeprecatedApis {
    static final String RESOURCE = "dcforge/deprecated-apis.yaml";

    /**
     * @param removedIn   null when no removal is scheduled
     * @param replacement what to use instead
     */
    public record Entry(String apiVersion, String kind, KubeVersion deprecatedIn, KubeVersion removedIn, String replacement) {
    }

    private static final DeprecatedApis BUILT_IN = load();

    private final Map<String, Entry> entries;

    private DeprecatedApis(Map<String, Entry> entries) {
        this.entries = entries;
    }

    public static DeprecatedApis builtIn() {
        return BUILT_IN;
    }

    public Optional<Entry> find(String apiVersion, String kind) {
        return Optional.ofNullable(entries.get(apiVersion + "/" + kind));
    }

    public List<Entry> entries() {
        return List.copyOf(entries.values());
    }

    private static DeprecatedApis load() {
        String text;
        try (InputStream in = DeprecatedApis.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new SetupError("dcforge plugin jar has no " + RESOURCE);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SetupError("cannot read " + RESOURCE, e);
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (JsonNode api : Yaml.parse(text, RESOURCE).path("apis")) {
            String removed = api.path("removedIn").asText("");
            Entry e = new Entry(api.path("apiVersion").asText(), api.path("kind").asText(),
                    KubeVersion.parse(api.path("deprecatedIn").asText()),
                    removed.isBlank() ? null : KubeVersion.parse(removed), api.path("replacement").asText());
            if (e.apiVersion().isBlank() || e.kind().isBlank() || e.replacement().isBlank()
                    || e.removedIn() != null && !e.removedIn().atLeast(e.deprecatedIn())
                    || entries.put(e.apiVersion() + "/" + e.kind(), e) != null) {
                throw new SetupError(RESOURCE + ": incomplete, inconsistent or repeated entry " + api);
            }
        }
        return new DeprecatedApis(entries);
    }
}
