package dev.dcforge.validate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Splits a multi-document manifest into typed objects, keeping each one's line and Helm source template. */
public final class ManifestParser {
    private static final String SOURCE_PREFIX = "# Source: ";

    public List<ManifestObject> parse(ChartTarget target, Path manifestFile) {
        return parse(target, manifestFile, Yaml.readText(manifestFile));
    }

    public List<ManifestObject> parse(ChartTarget target, Path manifestFile, String text) {
        List<ManifestObject> objects = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        StringBuilder doc = new StringBuilder();
        String source = null;
        int docStart = 1;
        boolean hasContent = false;
        for (int i = 0; i <= lines.length; i++) {
            String line = i < lines.length ? lines[i] : null;
            if (line == null || line.equals("---") || line.startsWith("--- ")) {
                if (hasContent) {
                    toObject(target, manifestFile, docStart, source, doc.toString(), objects);
                }
                doc.setLength(0);
                source = null;
                hasContent = false;
                docStart = i + 2;
                continue;
            }
            if (!hasContent && line.startsWith(SOURCE_PREFIX)) {
                source = line.substring(SOURCE_PREFIX.length()).strip();
            }
            if (!hasContent && (line.isBlank() || line.stripLeading().startsWith("#"))) {
                // keep line numbers of the document body exact: count leading comments as part of it
                doc.append('\n');
                continue;
            }
            hasContent = true;
            doc.append(line).append('\n');
        }
        return objects;
    }

    private void toObject(ChartTarget target, Path file, int docStart, String source, String text,
                          List<ManifestObject> out) {
        JsonNode node;
        try {
            // the document text keeps its leading lines, so lines inside it are lines of the file
            node = Yaml.parse(text, file.toString());
        } catch (UserError e) {
            throw new UserError(file.toString(), e.line() > 0 ? docStart + e.line() - 1 : docStart, e.problem() + sourceNote(source),
                    source == null ? "fix the YAML of this document" : "fix the chart template that produces this document", e);
        }
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (!node.isObject()) {
            throw new UserError(file.toString(), docStart, "manifest document is " + Yaml.describe(node)
                    + ", not a Kubernetes object" + sourceNote(source),
                    "each YAML document must be a mapping with apiVersion, kind and metadata");
        }
        ObjectNode json = (ObjectNode) node;
        for (String field : new String[]{"apiVersion", "kind"}) {
            JsonNode value = json.path(field);
            if (!value.isTextual() || value.asText().isBlank()) {
                throw new UserError(file.toString(), firstContentLine(text, docStart), "manifest document "
                        + (value.isMissingNode() ? "has no " + field : "has " + field + " " + Yaml.describe(value) + ", not a name")
                        + sourceNote(source), "every Kubernetes object needs apiVersion and kind as strings");
            }
        }
        out.add(new ManifestObject(target, file, firstContentLine(text, docStart), source, json, typed(json)));
    }

    private static int firstContentLine(String text, int docStart) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (!lines[i].isBlank() && !lines[i].stripLeading().startsWith("#")) {
                return docStart + i;
            }
        }
        return docStart;
    }

    /** fabric8's deserializer picks the model class from apiVersion and kind; unknown kinds stay generic. */
    static HasMetadata typed(ObjectNode json) {
        try {
            KubernetesResource resource = Yaml.mapper().treeToValue(json, KubernetesResource.class);
            if (resource instanceof HasMetadata hasMetadata) {
                return hasMetadata;
            }
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // a type mismatch (e.g. a string where the model wants a number) is the schema check's to report
        }
        try {
            return Yaml.mapper().convertValue(json, GenericKubernetesResource.class);
        } catch (IllegalArgumentException e) {
            // found by fuzzing: metadata that is not a mapping; the schema rule reports the field itself
            GenericKubernetesResource bare = new GenericKubernetesResource();
            bare.setApiVersion(json.path("apiVersion").asText());
            bare.setKind(json.path("kind").asText());
            JsonNode metadata = json.path("metadata");
            if (metadata.isObject()) {
                bare.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                        .withName(metadata.path("name").isTextual() ? metadata.path("name").asText() : null)
                        .withNamespace(metadata.path("namespace").isTextual() ? metadata.path("namespace").asText() : null).build());
            }
            return bare;
        }
    }

    private static String sourceNote(String source) {
        return source == null ? "" : " (from template " + source + ")";
    }
}
