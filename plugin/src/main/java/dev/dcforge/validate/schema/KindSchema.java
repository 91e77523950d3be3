package dev.dcforge.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;

/**
 * The compiled schema of one apiVersion/kind.
 *
 * @param apiVersion e.g. "apps/v1"
 * @param kind       e.g. "Deployment"
 * @param origin     where it comes from, e.g. "Kubernetes 1.32" or a custom schema file
 * @param schema     compiled once, reused for every object of this kind
 * @param document   the converted JSON Schema document {@code schema} was compiled from; its schema locations
 *                   (JSON pointers) resolve in it, which is how field-name suggestions are found
 */
public record KindSchema(String apiVersion, String kind, String origin, JsonSchema schema, JsonNode document) {
}
