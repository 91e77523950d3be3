package dev.dcforge.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.nio.file.Path;

/**
 * One Kubernetes object out of a rendered manifest: its raw tree (what schema rules read), its
 * fabric8 typed form (what Java rules read), and where it came from.
 *
 * @param target         chart and environment it was rendered for
 * @param manifestFile   the rendered multi-document file
 * @param line           1-based line of the document's first line in manifestFile
 * @param sourceTemplate chart template that produced it (Helm's "# Source:" comment), e.g. "demo/templates/x.yaml", or null
 * @param json           the object as parsed
 * @param typed          fabric8 model object (GenericKubernetesResource for kinds without a model)
 */
public record ManifestObject(ChartTarget target, Path manifestFile, int line, String sourceTemplate,
                             ObjectNode json, HasMetadata typed) {

    public String apiVersion() {
        return json.path("apiVersion").asText("");
    }

    public String kind() {
        return json.path("kind").asText("");
    }

    public String name() {
        return json.path("metadata").path("name").asText("");
    }

    /** Namespace as written in the manifest; empty when the object leaves it to the release namespace. */
    public String namespace() {
        return json.path("metadata").path("namespace").asText("");
    }

    /** "Kind/name" for messages. */
    public String ref() {
        return kind() + "/" + name();
    }
}
