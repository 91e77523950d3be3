package dev.dcforge.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Schemas for custom resources, supplied by the user as files (for {@code dcforge.schemaDirectory}):
 * <ul>
 *   <li>a CustomResourceDefinition ({@code apiextensions.k8s.io/v1}, YAML or JSON, several documents allowed):
 *       every version's {@code schema.openAPIV3Schema} becomes the schema of {@code <group>/<version>} {@code <kind>},
 *       converted as strictly as the built-in schemas;</li>
 *   <li>a JSON Schema (draft-07; {@code .json}, {@code .yaml} or {@code .yml}) whose top level says which kinds it
 *       describes: {@code "x-kubernetes-group-version-kind": [{"group": "monitoring.coreos.com", "version": "v1",
 *       "kind": "ServiceMonitor"}]} (the Kubernetes OpenAPI convention; a single object is accepted too). It is used
 *       as written: write {@code additionalProperties: false} yourself for strictness. {@code $ref}s must stay inside
 *       the file: nothing is downloaded.</li>
 * </ul>
 * A custom schema wins over the built-in one for the same apiVersion and kind.
 */
public final class CustomSchemas {
    private static final JsonSchemaFactory CRD_FACTORY = KubernetesSchemas.offline(SpecVersion.VersionFlag.V4);
    private static final JsonSchemaFactory JSON_SCHEMA_FACTORY = KubernetesSchemas.offline(SpecVersion.VersionFlag.V7);
    private static final CustomSchemas NONE = new CustomSchemas(Map.of());

    /** "group/version/Kind" (or "v1/Kind") → schema. */
    private final Map<String, KindSchema> schemas;

    private CustomSchemas(Map<String, KindSchema> schemas) {
        this.schemas = schemas;
    }

    public static CustomSchemas none() {
        return NONE;
    }

    /**
     * Loads every {@code .yaml}, {@code .yml} and {@code .json} file under a directory (recursively, in path order),
     * or one file. A null path means no custom schemas.
     */
    public static CustomSchemas load(Path directoryOrFile) {
        if (directoryOrFile == null) {
            return NONE;
        }
        if (!Files.exists(directoryOrFile)) {
            throw new UserError(directoryOrFile.toString(), 0, "schema directory not found",
                    "create it or point dcforge.schemaDirectory at the folder holding CRD or JSON Schema files");
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(directoryOrFile)) {
            try (Stream<Path> walk = Files.walk(directoryOrFile)) {
                walk.filter(Files::isRegularFile).filter(CustomSchemas::isSchemaFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UserError(directoryOrFile.toString(), 0, "cannot list schema directory: " + e.getMessage(),
                        "check permissions");
            }
        } else {
            files.add(directoryOrFile);
        }
        return load(files);
    }

    public static CustomSchemas load(List<Path> files) {
        Map<String, KindSchema> schemas = new LinkedHashMap<>();
        for (Path file : files) {
            for (KindSchema schema : readFile(file)) {
                String key = schema.apiVersion() + "/" + schema.kind();
                KindSchema earlier = schemas.put(key, schema);
                if (earlier != null) {
                    throw new UserError(file.toString(), 0, "a second schema for " + schema.apiVersion() + " " + schema.kind()
                            + " (the first is in " + earlier.origin() + ")", "keep one schema per apiVersion and kind");
                }
            }
        }
        return schemas.isEmpty() ? NONE : new CustomSchemas(Collections.unmodifiableMap(schemas));
    }

    public Optional<KindSchema> schemaFor(String apiVersion, String kind) {
        return Optional.ofNullable(schemas.get(apiVersion + "/" + kind));
    }

    /** Every apiVersion/kind with a custom schema, e.g. "monitoring.coreos.com/v1/ServiceMonitor". */
    public Set<String> kinds() {
        return new TreeSet<>(schemas.keySet());
    }

    private static boolean isSchemaFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json");
    }

    private static List<KindSchema> readFile(Path file) {
        String text = Yaml.readText(file);
        List<KindSchema> out = new ArrayList<>();
        int index = 0;
        {
            for (JsonNode doc : Yaml.parseAll(text, file.toString())) {
                index++;
                if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
                    continue;
                }
                String where = file + (index > 1 ? " (document " + index + ")" : "");
                if ("CustomResourceDefinition".equals(doc.path("kind").asText())) {
                    out.addAll(fromCrd(file, where, doc));
                } else if (doc.has("x-kubernetes-group-version-kind")) {
                    out.addAll(fromJsonSchema(file, where, (ObjectNode) doc));
                } else {
                    throw new UserError(file.toString(), 0, where + " is neither a CustomResourceDefinition nor a JSON Schema "
                            + "with x-kubernetes-group-version-kind", "add the CRD YAML, or a JSON Schema whose top level has "
                            + "\"x-kubernetes-group-version-kind\": [{\"group\": ..., \"version\": ..., \"kind\": ...}]");
                }
            }
        }
        return out;
    }

    private static List<KindSchema> fromCrd(Path file, String where, JsonNode crd) {
        if (!"apiextensions.k8s.io/v1".equals(crd.path("apiVersion").asText())) {
            throw new UserError(file.toString(), 0, where + ": CustomResourceDefinition " + crd.path("apiVersion").asText()
                    + " is not supported", "use an apiextensions.k8s.io/v1 CRD (kubectl get crd <name> -o yaml)");
        }
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        if (group.isEmpty() || kind.isEmpty()) {
            throw new UserError(file.toString(), 0, where + ": CRD has no spec.group or spec.names.kind", "use a complete CRD");
        }
        List<KindSchema> out = new ArrayList<>();
        for (JsonNode version : crd.path("spec").path("versions")) {
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            String apiVersion = group + "/" + version.path("name").asText();
            if (!schema.isObject()) {
                throw new UserError(file.toString(), 0, where + ": version " + apiVersion + " of " + kind
                        + " has no schema.openAPIV3Schema", "use a CRD with a structural schema for every version");
            }
            ObjectNode converted = SchemaConverter.convert(schema, true);
            if (converted.has("properties")) {
                ObjectNode props = (ObjectNode) converted.get("properties");
                props.set("apiVersion", SchemaConverter.types("string"));
                props.set("kind", SchemaConverter.types("string"));
                // the API server validates metadata itself; CRD schemas may only narrow it
                props.set("metadata", SchemaConverter.types("object"));
            }
            out.add(compile(CRD_FACTORY, converted, apiVersion, kind, file + " (CRD " + crd.path("metadata").path("name").asText() + ")"));
        }
        if (out.isEmpty()) {
            throw new UserError(file.toString(), 0, where + ": CRD " + kind + " lists no versions", "use a complete CRD");
        }
        return out;
    }

    private static List<KindSchema> fromJsonSchema(Path file, String where, ObjectNode schema) {
        JsonNode header = schema.get("x-kubernetes-group-version-kind");
        List<JsonNode> gvks = new ArrayList<>();
        if (header.isArray()) {
            header.forEach(gvks::add);
        } else {
            gvks.add(header);
        }
        ObjectNode document = schema.deepCopy();
        document.remove(List.of("$schema", "$id", "id", "x-kubernetes-group-version-kind"));
        checkLocalRefs(file, where, document);
        List<KindSchema> out = new ArrayList<>();
        for (JsonNode gvk : gvks) {
            String group = gvk.path("group").asText();
            String version = gvk.path("version").asText();
            String kind = gvk.path("kind").asText();
            if (version.isEmpty() || kind.isEmpty()) {
                throw new UserError(file.toString(), 0, where + ": x-kubernetes-group-version-kind needs version and kind "
                        + "(and group, empty for the core group)", "write {\"group\": \"monitoring.coreos.com\", "
                        + "\"version\": \"v1\", \"kind\": \"ServiceMonitor\"}");
            }
            out.add(compile(JSON_SCHEMA_FACTORY, document, group.isEmpty() ? version : group + "/" + version, kind, file.toString()));
        }
        return out;
    }

    private static void checkLocalRefs(Path file, String where, JsonNode node) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && !ref.asText().startsWith("#")) {
                throw new UserError(file.toString(), 0, where + ": $ref " + ref.asText() + " points outside the file",
                        "inline the referenced schema: dcforge validates offline and loads nothing");
            }
        }
        node.forEach(child -> checkLocalRefs(file, where, child));
    }

    private static KindSchema compile(JsonSchemaFactory factory, JsonNode document, String apiVersion, String kind, String origin) {
        try {
            JsonSchema schema = factory.getSchema(SchemaLocation.of("https://schemas.dcforge.dev/custom/"
                    + apiVersion.replace('/', '_') + "_" + kind + ".json"), document, KubernetesSchemas.config());
            schema.initializeValidators();
            return new KindSchema(apiVersion, kind, origin, schema, document);
        } catch (RuntimeException e) {
            throw new UserError(origin, 0, "schema for " + apiVersion + " " + kind + " is not a valid JSON Schema: "
                    + e.getMessage(), "fix the schema");
        }
    }
}
