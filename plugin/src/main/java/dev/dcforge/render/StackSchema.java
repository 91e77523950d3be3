package dev.dcforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.dcforge.support.SetupError;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;
import dev.dcforge.support.YamlLines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Checks a stack file against {@code dcforge/stack.schema.json}; errors name the file, line and allowed keys. */
final class StackSchema {
    static final String RESOURCE = "dcforge/stack.schema.json";
    private static final JsonNode SCHEMA_NODE = loadSchema();
    private static final JsonSchema SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(SCHEMA_NODE);

    private StackSchema() {
    }

    private static JsonNode loadSchema() {
        try (InputStream in = StackSchema.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new SetupError("missing resource " + RESOURCE);
            }
            return Yaml.json().readTree(in);
        } catch (IOException e) {
            throw new SetupError("cannot read " + RESOURCE + ": " + e.getMessage());
        }
    }

    static void check(Path file, JsonNode stack, YamlLines lines) {
        Set<ValidationMessage> messages = SCHEMA.validate(stack);
        if (messages.isEmpty()) {
            return;
        }
        List<SchemaFinding> findings = new ArrayList<>();
        for (ValidationMessage m : messages) {
            findings.add(SchemaFinding.of(m, SCHEMA_NODE));
        }
        findings.sort(Comparator.comparingInt((SchemaFinding f) -> lines.nearestLine(f.linePath())).thenComparing(SchemaFinding::path));
        SchemaFinding first = findings.get(0);
        StringBuilder problem = new StringBuilder(first.problem());
        for (SchemaFinding f : findings.subList(1, findings.size())) {
            problem.append("\n  ").append(UserError.format(file.toString(), lines.nearestLine(f.linePath()), f.problem(), null));
        }
        String hint = first.allowedKeys().isEmpty()
                ? "fix the stack file (its format: docs/overrides.md, schema: " + RESOURCE + ")"
                : "use one of the allowed keys: " + String.join(", ", first.allowedKeys());
        throw new UserError(file.toString(), lines.nearestLine(first.linePath()), problem.toString(), hint);
    }

    /** One schema error as a values path, a readable problem and, for unknown keys, the allowed ones. */
    record SchemaFinding(String path, String problem, List<String> allowedKeys, String linePath) {
        SchemaFinding(String path, String problem, List<String> allowedKeys) {
            this(path, problem, allowedKeys, path);
        }

        static SchemaFinding of(ValidationMessage m, JsonNode schemaRoot) {
            String at = YamlLines.of(segments(m.getInstanceLocation()));
            String where = at.isEmpty() ? "at the top level" : "in " + at;
            if ("additionalProperties".equals(m.getType()) && m.getProperty() != null) {
                String key = YamlLines.child(at, m.getProperty());
                return new SchemaFinding(key, "unknown key '" + m.getProperty() + "' " + where, allowedKeys(m, schemaRoot));
            }
            String text = m.getMessage();
            String prefix = m.getInstanceLocation().toString() + ": ";
            if (text.startsWith(prefix)) {
                text = text.substring(prefix.length());
            }
            String linePath = "propertyNames".equals(m.getType()) && m.getProperty() != null ? YamlLines.child(at, m.getProperty()) : at;
            return new SchemaFinding(at, (at.isEmpty() ? "" : at + ": ") + text, List.of(), linePath);
        }

        static List<Object> segments(com.networknt.schema.JsonNodePath path) {
            List<Object> out = new ArrayList<>();
            for (int i = 0; i < path.getNameCount(); i++) {
                out.add(path.getElement(i));
            }
            return out;
        }

        /** The "properties" next to the failing "additionalProperties" in the schema, when in the same document. */
        static List<String> allowedKeys(ValidationMessage m, JsonNode schemaRoot) {
            com.networknt.schema.JsonNodePath fragment = m.getSchemaLocation() == null ? null : m.getSchemaLocation().getFragment();
            if (fragment == null || fragment.getNameCount() == 0) {
                return List.of();
            }
            JsonNode node = schemaRoot;
            for (int i = 0; i < fragment.getNameCount() - 1; i++) {
                Object e = fragment.getElement(i);
                node = e instanceof Integer idx ? node.path(idx) : node.path(String.valueOf(e));
            }
            List<String> keys = new ArrayList<>();
            node.path("properties").fieldNames().forEachRemaining(keys::add);
            keys.sort(null);
            return keys;
        }
    }
}
