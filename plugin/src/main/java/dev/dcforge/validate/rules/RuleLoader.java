package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.dcforge.model.Severity;
import dev.dcforge.support.SetupError;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads rules written as data (one YAML file per rule) from the plugin's resources or a user's folder. */
public final class RuleLoader {
    /** Folder inside the plugin jar that holds the built-in rule files. */
    public static final String BUILT_IN_FOLDER = "dcforge/rules";
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Set<String> KNOWN_KEYS = Set.of("id", "severity", "title", "rationale", "remediation", "pack",
            "profiles", "kinds", "target", "includeInitContainers", "equivalents", "message", "condition");
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    /** JSON Schema of the rule file format, so that a typo in a custom rule is reported with its file and line. */
    public static final String FORMAT_SCHEMA = "dcforge/rule-format.schema.json";
    private static final JsonSchema FORMAT = loadFormat();

    /** Built-in data rules, sorted by file name. */
    public List<Rule> builtIn() {
        try {
            Path location = Path.of(RuleLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return loadFolder(location.resolve(BUILT_IN_FOLDER), "built-in");
            }
            try (FileSystem jar = FileSystems.newFileSystem(location)) {
                return loadFolder(jar.getPath(BUILT_IN_FOLDER), "built-in");
            }
        } catch (IOException | URISyntaxException e) {
            throw new SetupError("cannot read the built-in rules from the plugin", e);
        }
    }

    /** Custom rules from a folder of *.yaml files (same format as the built-ins). */
    public List<Rule> loadFolder(Path folder, String originLabel) {
        if (!Files.isDirectory(folder)) {
            throw new UserError(folder.toString(), 0, "rules folder not found", "create it or fix dcforge.rulesDirectory");
        }
        List<Rule> rules = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches(".*\\.ya?ml")).sorted().toList()) {
                rules.add(load(file, originLabel + ":" + file.getFileName()));
            }
        } catch (IOException e) {
            throw new UserError(folder.toString(), 0, "cannot list rules folder: " + e.getMessage(), "check permissions");
        }
        return rules;
    }

    public SchemaRule load(Path file, String origin) {
        String text = Yaml.readText(file);
        String where = origin.startsWith("built-in") ? origin : file.toString();
        ObjectNode node;
        JsonNode parsed = Yaml.parse(text, where);
        if (!(parsed instanceof ObjectNode o)) {
            throw new UserError(where, 1, "a rule file must be a YAML mapping", "see the rule format in docs/rules.md");
        }
        node = o;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!KNOWN_KEYS.contains(key)) {
                throw new UserError(where, lineOf(text, key), "unknown rule key '" + key + "'",
                        "use only " + String.join(", ", KNOWN_KEYS.stream().sorted().toList()));
            }
        }
        String id = required(node, "id", where, text);
        if (!ID.matcher(id).matches()) {
            throw new UserError(where, lineOf(text, "id"), "rule id '" + id + "' is not kebab-case", "use lower-case words joined by '-'");
        }
        Severity severity = Severity.parse(required(node, "severity", where, text), where);
        SchemaRule.Target target = switch (node.path("target").asText("object")) {
            case "object" -> SchemaRule.Target.OBJECT;
            case "podTemplate" -> SchemaRule.Target.POD_TEMPLATE;
            case "podSpec" -> SchemaRule.Target.POD_SPEC;
            case "podMetadata" -> SchemaRule.Target.POD_METADATA;
            case "container" -> SchemaRule.Target.CONTAINER;
            default -> throw new UserError(where, lineOf(text, "target"), "unknown target '" + node.path("target").asText() + "'",
                    "use object, podTemplate, podSpec, podMetadata or container");
        };
        if (!node.path("condition").isObject()) {
            throw new UserError(where, lineOf(text, "condition"), "rule has no condition",
                    "add 'condition:' with a JSON Schema that a compliant object satisfies");
        }
        JsonSchema condition;
        try {
            condition = SCHEMAS.getSchema(node.get("condition"));
        } catch (RuntimeException e) {
            throw new UserError(where, lineOf(text, "condition"), "condition is not a valid JSON Schema: " + e.getMessage(),
                    "fix the JSON Schema");
        }
        required(node, "title", where, text);
        required(node, "remediation", where, text);
        checkFormat(node, where, text);
        Map<String, String> equivalents = new LinkedHashMap<>();
        node.path("equivalents").fields().forEachRemaining(e -> equivalents.put(e.getKey(), e.getValue().asText()));
        RuleInfo info = new RuleInfo(id, severity, required(node, "title", where, text),
                node.path("rationale").asText(""), required(node, "remediation", where, text),
                node.path("pack").asText("custom"), strings(node.path("profiles")), strings(node.path("kinds")),
                equivalents, origin);
        String message = node.path("message").asText(info.title());
        return new SchemaRule(info, target, condition, message, node.path("includeInitContainers").asBoolean(true));
    }

    private static JsonSchema loadFormat() {
        try (var in = RuleLoader.class.getClassLoader().getResourceAsStream(FORMAT_SCHEMA)) {
            if (in == null) {
                throw new SetupError("the plugin jar has no " + FORMAT_SCHEMA, null);
            }
            return SCHEMAS.getSchema(in);
        } catch (IOException e) {
            throw new SetupError("cannot read " + FORMAT_SCHEMA, e);
        }
    }

    /** Validates a rule file against the rule format; the first problem becomes a UserError at its line. */
    static void checkFormat(ObjectNode node, String where, String text) {
        Set<ValidationMessage> errors = FORMAT.validate(node);
        if (errors.isEmpty()) {
            return;
        }
        ValidationMessage first = errors.stream()
                .min(java.util.Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString()))
                .orElseThrow();
        List<String> path = new ArrayList<>();
        JsonNodePath location = first.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            path.add(location.getName(i));
        }
        String hint;
        if ("additionalProperties".equals(first.getType()) && first.getProperty() != null) {
            path.add(first.getProperty());
            hint = "remove or rename '" + first.getProperty() + "'; allowed keys are described in " + FORMAT_SCHEMA;
        } else if ("required".equals(first.getType()) && first.getProperty() != null) {
            hint = "add '" + first.getProperty() + ":' to the rule file";
        } else {
            hint = "see the rule format in docs/rules.md";
        }
        throw new UserError(where, lineOfPath(text, path), "invalid rule file: " + first.getMessage(), hint);
    }

    /** Line of a nested key (path of mapping keys and list indexes) in a block-style YAML text; best effort. */
    static int lineOfPath(String text, List<String> path) {
        String[] lines = text.split("\n", -1);
        int from = 0;
        int found = 0;
        for (String segment : path) {
            if (segment.matches("\\d+")) {
                continue;
            }
            Pattern key = Pattern.compile("^\\s*(- )?\"?" + Pattern.quote(segment) + "\"?\\s*:.*");
            for (int i = from; i < lines.length; i++) {
                if (key.matcher(lines[i]).matches()) {
                    found = i + 1;
                    from = i + 1;
                    break;
                }
            }
        }
        return found;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String required(ObjectNode node, String key, String where, String text) {
        String value = node.path(key).asText("");
        if (value.isBlank()) {
            throw new UserError(where, 0, "rule has no '" + key + "'", "add '" + key + ":' to the rule file");
        }
        return value;
    }

    /** Line of a top-level key in a YAML text, 0 when absent. */
    static int lineOf(String text, String key) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(key + ":")) {
                return i + 1;
            }
        }
        return 0;
    }
}
