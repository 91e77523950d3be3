package dev.dcforge.validate.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import dev.dcforge.support.SetupError;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built-in Kubernetes schemas of one carried minor version: the {@code io.k8s.*} definitions of
 * fabric8's kubernetes-model-validator {@code openshift-generated.json}, unpacked at plugin build time into
 * {@code dcforge/k8s/<minor>/}. Converted once per run and version (static cache); each kind is compiled on first
 * use and reused.
 */
public final class KubernetesSchemas {
    static final String RESOURCE_ROOT = "dcforge/k8s/";
    private static final String K8S_PREFIX = "io.k8s.";
    private static final String API_PREFIX = "io.k8s.api.";
    private static final String RUNTIME_PREFIX = "io.k8s.apimachinery.pkg.runtime.";
    /** Go package of io.k8s.api.<package>.<version>.<Kind> → API group. */
    static final Map<String, String> GROUPS = Map.ofEntries(
            Map.entry("core", ""), Map.entry("apps", "apps"), Map.entry("batch", "batch"),
            Map.entry("autoscaling", "autoscaling"), Map.entry("policy", "policy"), Map.entry("extensions", "extensions"),
            Map.entry("admission", "admission.k8s.io"),
            Map.entry("admissionregistration", "admissionregistration.k8s.io"),
            Map.entry("apidiscovery", "apidiscovery.k8s.io"),
            Map.entry("apiserverinternal", "internal.apiserver.k8s.io"),
            Map.entry("authentication", "authentication.k8s.io"), Map.entry("authorization", "authorization.k8s.io"),
            Map.entry("certificates", "certificates.k8s.io"), Map.entry("coordination", "coordination.k8s.io"),
            Map.entry("discovery", "discovery.k8s.io"), Map.entry("events", "events.k8s.io"),
            Map.entry("flowcontrol", "flowcontrol.apiserver.k8s.io"), Map.entry("imagepolicy", "imagepolicy.k8s.io"),
            Map.entry("networking", "networking.k8s.io"), Map.entry("node", "node.k8s.io"),
            Map.entry("rbac", "rbac.authorization.k8s.io"), Map.entry("resource", "resource.k8s.io"),
            Map.entry("scheduling", "scheduling.k8s.io"), Map.entry("storage", "storage.k8s.io"),
            Map.entry("storagemigration", "storagemigration.k8s.io"));

    private static final Map<KubeVersion, KubernetesSchemas> CACHE = new ConcurrentHashMap<>();
    private static final JsonSchemaFactory FACTORY = offline(SpecVersion.VersionFlag.V4);

    private final KubeVersion version;
    /** "apps/v1/Deployment" → definition name. */
    private final Map<String, String> definitionByKind;
    private final JsonSchema root;
    private final JsonNode document;
    private final Map<String, KindSchema> compiled = new ConcurrentHashMap<>();

    private KubernetesSchemas(KubeVersion version, Map<String, String> definitionByKind, JsonSchema root, JsonNode document) {
        this.version = version;
        this.definitionByKind = definitionByKind;
        this.root = root;
        this.document = document;
    }

    static SchemaValidatorsConfig config() {
        return SchemaValidatorsConfig.builder()
                .pathType(PathType.JSON_POINTER)
                .formatAssertionsEnabled(false)
                .build();
    }

    /** A factory that loads nothing from anywhere: every schema dcforge uses is in memory. */
    static JsonSchemaFactory offline(SpecVersion.VersionFlag dialect) {
        return JsonSchemaFactory.getInstance(dialect, builder -> builder.schemaLoaders(loaders -> loaders.add(iri -> {
            throw new UserError(iri.toString(), 0, "a schema refers to " + iri + ", which dcforge would have to download",
                    "dcforge validates offline: inline the referenced schema");
        })));
    }

    /** Kubernetes minors whose schemas the plugin carries, oldest first. */
    public static List<KubeVersion> carried() {
        Properties p = new Properties();
        try (InputStream in = KubernetesSchemas.class.getClassLoader().getResourceAsStream(RESOURCE_ROOT + "versions.properties")) {
            if (in == null) {
                throw new SetupError("dcforge plugin jar has no " + RESOURCE_ROOT + "versions.properties");
            }
            p.load(in);
        } catch (IOException e) {
            throw new SetupError("cannot read " + RESOURCE_ROOT + "versions.properties", e);
        }
        List<KubeVersion> versions = new ArrayList<>();
        p.stringPropertyNames().forEach(v -> versions.add(KubeVersion.parse(v)));
        Collections.sort(versions);
        return versions;
    }

    /**
     * Schemas for a target version: the newest carried version not above it; with no target, the newest carried.
     *
     * @throws UserError when the target is older than every carried version
     */
    public static KubernetesSchemas forTarget(String kubeVersion) {
        List<KubeVersion> carried = carried();
        if (kubeVersion == null || kubeVersion.isBlank()) {
            return forCarried(carried.get(carried.size() - 1));
        }
        KubeVersion target = KubeVersion.parse(kubeVersion);
        KubeVersion chosen = null;
        for (KubeVersion v : carried) {
            if (target.atLeast(v)) {
                chosen = v;
            }
        }
        if (chosen == null) {
            throw new UserError("dcforge.kubeVersion", 0, "no Kubernetes schemas for " + target
                    + "; this dcforge carries " + carried.stream().map(KubeVersion::toString).toList(),
                    "target a version from " + carried.get(0) + " on, or add schemas for " + target
                            + " as docs/kubernetes-versions.md describes");
        }
        return forCarried(chosen);
    }

    /** Schemas of one carried version, converted on first use and kept for the rest of the run. */
    public static KubernetesSchemas forCarried(KubeVersion version) {
        return CACHE.computeIfAbsent(version, KubernetesSchemas::load);
    }

    /** Reads and converts one carried version, bypassing the cache (tests measure it). */
    static KubernetesSchemas load(KubeVersion version) {
        String resource = RESOURCE_ROOT + version + "/openshift-generated.json";
        JsonNode swagger;
        try (InputStream in = KubernetesSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new SetupError("dcforge plugin jar has no " + resource + " (the build unpacks it from "
                        + "io.fabric8:kubernetes-model-validator; see docs/kubernetes-versions.md)");
            }
            swagger = Yaml.json().readTree(in);
        } catch (IOException e) {
            throw new SetupError("cannot read " + resource, e);
        }
        JsonNode definitions = swagger.path("definitions");
        ObjectNode converted = SchemaConverter.convertDefinitions(definitions, name -> name.startsWith(K8S_PREFIX));
        fillEmbeddedObjects(version, converted);
        Map<String, String> byKind = new TreeMap<>();
        definitions.fields().forEachRemaining(e -> {
            String name = e.getKey();
            String type = e.getValue().path("x-fabric8-info").path("Type").asText();
            if (!name.startsWith(API_PREFIX) || !(type.equals("object") || type.equals("list"))) {
                return;
            }
            String[] parts = name.substring(API_PREFIX.length()).split("\\.");
            if (parts.length != 3) {
                return;
            }
            String group = GROUPS.get(parts[0]);
            if (group == null) {
                throw new SetupError("Kubernetes schemas " + version + ": no API group known for package " + parts[0]
                        + " (definition " + name + "); add it to KubernetesSchemas.GROUPS");
            }
            byKind.put((group.isEmpty() ? "" : group + "/") + parts[1] + "/" + parts[2], name);
        });
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.set("definitions", converted);
        JsonSchema root = FACTORY.getSchema(SchemaLocation.of("https://schemas.dcforge.dev/k8s/" + version + ".json"), doc, config());
        return new KubernetesSchemas(version, byKind, root, doc);
    }

    /**
     * fabric8's document refers to the apimachinery runtime types (RawExtension, Object: an embedded object of any
     * kind, e.g. ControllerRevision.data) without defining them; they accept any object. Any other dangling
     * reference is a broken schema source.
     */
    private static void fillEmbeddedObjects(KubeVersion version, ObjectNode definitions) {
        Set<String> missing = new TreeSet<>();
        collectMissing(definitions, definitions, missing);
        for (String name : missing) {
            if (!name.startsWith(RUNTIME_PREFIX)) {
                throw new SetupError("Kubernetes schemas " + version + ": " + name + " is referenced but not defined");
            }
            definitions.set(name, SchemaConverter.types("object"));
        }
    }

    private static void collectMissing(ObjectNode definitions, JsonNode node, Set<String> missing) {
        if (node.isObject() && node.has("$ref")) {
            String name = node.get("$ref").asText().substring("#/definitions/".length());
            if (!definitions.has(name)) {
                missing.add(name);
            }
        }
        for (JsonNode child : node) {
            collectMissing(definitions, child, missing);
        }
    }

    public KubeVersion version() {
        return version;
    }

    /** Every apiVersion/kind with a schema, e.g. "apps/v1/Deployment". */
    public Set<String> kinds() {
        return new TreeSet<>(definitionByKind.keySet());
    }

    /** The converted JSON Schema document: {@code definitions} by name (tests check every $ref resolves in it). */
    JsonNode document() {
        return document;
    }

    /** The compiled schema for apiVersion/kind, compiled on first use. */
    public Optional<KindSchema> schemaFor(String apiVersion, String kind) {
        String key = apiVersion + "/" + kind;
        String definition = definitionByKind.get(key);
        if (definition == null) {
            return Optional.empty();
        }
        return Optional.of(compiled.computeIfAbsent(key, k -> {
            JsonSchema schema = root.getSubSchema(new JsonNodePath(PathType.JSON_POINTER).append("definitions").append(definition));
            schema.initializeValidators();
            return new KindSchema(apiVersion, kind, "Kubernetes " + version, schema, document);
        }));
    }
}
