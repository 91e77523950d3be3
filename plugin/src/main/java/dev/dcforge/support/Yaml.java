package dev.dcforge.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.io.IOException;
import java.math.BigInteger;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place YAML is read and written. Reading is bounded (size, nesting, aliases) and strict
 * (duplicate keys are errors); writing is stable (insertion order, minimal quotes, no noise).
 */
public final class Yaml {
    /** Largest YAML file dcforge reads; override files and manifests are far smaller. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;
    public static final int MAX_NESTING = 100;
    public static final int MAX_ALIASES = 50;

    private static final YAMLMapper READER = newReader();
    private static final YAMLMapper WRITER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private Yaml() {
    }

    private static YAMLMapper newReader() {
        return new YAMLMapper(YAMLFactory.builder().loaderOptions(loaderOptions()).build());
    }

    /** For tree conversions (convertValue, treeToValue, createObjectNode); parse YAML text with {@link #parse}. */
    public static YAMLMapper mapper() {
        return READER;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** Reads one YAML document; an empty file is an empty object. */
    public static JsonNode read(Path file) {
        String text = readText(file);
        return PARSED_FILES.parse(file, text, () -> parse(text, file.toString()));
    }

    /**
     * Chart files (values.yaml, values.schema.json, Chart.yaml) are read once per environment and stage:
     * the tree of a file whose text is unchanged is reused (as a copy, callers may change it).
     */
    private static final ParsedFileCache PARSED_FILES = new ParsedFileCache(256, 1024 * 1024);

    /** Reads one YAML document that must be a mapping. */
    public static ObjectNode readObject(Path file, String whatItIs) {
        JsonNode node = read(file);
        if (node.isMissingNode() || node.isNull()) {
            return READER.createObjectNode();
        }
        if (!node.isObject()) {
            throw new UserError(file.toString(), 1, whatItIs + " must be a YAML mapping (key: value), found " + describe(node),
                    "write " + whatItIs + " as a mapping of keys to values");
        }
        return (ObjectNode) node;
    }

    /**
     * Parses one YAML document with SnakeYAML's own loader, so that anchors, aliases and merge keys
     * mean what YAML says (Jackson's streaming reader returns an alias as the anchor's name) and the
     * loader's limits apply: aliases per document, nesting depth, size, duplicate keys.
     */
    public static JsonNode parse(String text, String sourceName) {
        if (text.isBlank()) {
            return MissingNode.getInstance();
        }
        Object loaded = load(sourceName, () -> snakeYaml().load(text));
        return loaded == null ? MissingNode.getInstance() : toTree(loaded, new IdentityHashMap<>(), sourceName);
    }

    /** Runs a SnakeYAML load and turns every way it can fail into one UserError. */
    private static <T> T load(String sourceName, java.util.function.Supplier<T> loader) {
        try {
            return loader.get();
        } catch (MarkedYAMLException e) {
            throw syntaxError(sourceName, e);
        } catch (StackOverflowError e) {
            // found by fuzzing: a collection used as a mapping key that contains itself ("&a [? [*a]]")
            throw recursionError(sourceName);
        } catch (NumberFormatException e) {
            // found by fuzzing: YAML 1.1 lets "._" match the float pattern, and the number it leaves ("." ) does not parse
            throw new UserError(sourceName, 0, "invalid YAML: a value looks like a number but is not one (" + e.getMessage() + ")",
                    "quote the value if it is text, e.g. \"._\"");
        } catch (YAMLException e) {
            String problem = firstLine(e.getMessage());
            // alias and nesting limits: the text is valid YAML, just built to exhaust the reader
            String hint = problem.startsWith("Number of aliases") || problem.startsWith("Nesting Depth")
                    ? "simplify the document: dcforge allows " + MAX_ALIASES + " aliases to collections and nesting " + MAX_NESTING + " deep"
                    : READ_HINT;
            throw new UserError(sourceName, 0, "invalid YAML: " + problem, hint);
        }
    }

    /** The node tree (with line marks) of one YAML document, read under the same limits; null when empty. */
    public static org.yaml.snakeyaml.nodes.Node compose(String text, String sourceName) {
        return load(sourceName, () -> snakeYaml().compose(new java.io.StringReader(text)));
    }

    /** Every document of a multi-document YAML text (empty documents included as MissingNode). */
    public static List<JsonNode> parseAll(String text, String sourceName) {
        List<JsonNode> docs = new java.util.ArrayList<>();
        load(sourceName, () -> {
            for (Object loaded : snakeYaml().loadAll(text)) {
                docs.add(loaded == null ? MissingNode.getInstance() : toTree(loaded, new IdentityHashMap<>(), sourceName));
            }
            return docs;
        });
        return docs;
    }

    private static UserError recursionError(String sourceName) {
        return new UserError(sourceName, 0, "invalid YAML: an alias refers to the collection that contains it",
                "remove the recursive anchor/alias");
    }

    private static final String READ_HINT = "fix the YAML syntax (indent with spaces, one value per key)";

    private static org.yaml.snakeyaml.Yaml snakeYaml() {
        LoaderOptions options = loaderOptions();
        DumperOptions dumper = new DumperOptions();
        // a fresh loader per call: SnakeYAML loaders are not thread-safe
        return new org.yaml.snakeyaml.Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options, new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // YAML 1.1 as Helm's parser reads it, except timestamps: Helm keeps "2026-01-01" a string
                addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO");
                addImplicitResolver(Tag.INT, INT, "-+0123456789");
                addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
                addImplicitResolver(Tag.MERGE, MERGE, "<");
                addImplicitResolver(Tag.NULL, NULL, "~nN\0");
                addImplicitResolver(Tag.NULL, EMPTY, null);
            }
        });
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowRecursiveKeys(false);
        return options;
    }

    /** Java objects from SnakeYAML to a Jackson tree; a recursive alias is an error, not a stack overflow. */
    private static JsonNode toTree(Object value, IdentityHashMap<Object, Boolean> path, String sourceName) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (value == null) {
            return f.nullNode();
        }
        if (value instanceof Map<?, ?> || value instanceof List<?>) {
            if (path.put(value, Boolean.TRUE) != null) {
                throw recursionError(sourceName);
            }
            try {
                if (value instanceof Map<?, ?> map) {
                    ObjectNode node = f.objectNode();
                    map.forEach((k, v) -> {
                        if (k instanceof Map<?, ?> || k instanceof List<?>) {
                            throw new UserError(sourceName, 0, "invalid YAML: a mapping key is itself a list or mapping",
                                    "use plain keys (names, numbers); Helm and Kubernetes cannot read complex keys");
                        }
                        node.set(String.valueOf(k), toTree(v, path, sourceName));
                    });
                    return node;
                }
                ArrayNode array = f.arrayNode();
                for (Object item : (List<?>) value) {
                    array.add(toTree(item, path, sourceName));
                }
                return array;
            } finally {
                path.remove(value);
            }
        }
        if (value instanceof String s) {
            return f.textNode(s);
        }
        if (value instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (value instanceof Integer i) {
            return f.numberNode(i);
        }
        if (value instanceof Long l) {
            return f.numberNode(l);
        }
        if (value instanceof BigInteger big) {
            return f.numberNode(big);
        }
        if (value instanceof Double d) {
            return f.numberNode(d);
        }
        if (value instanceof byte[] bytes) {
            return f.binaryNode(bytes);
        }
        return f.textNode(String.valueOf(value));
    }

    /** UTF-8 text of a file within the size limit, or a UserError saying what is wrong. */
    public static String readText(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new UserError(file.toString(), 0, "is a folder, not a file", "give the path of a file");
            }
            if (!Files.isRegularFile(file)) {
                throw new UserError(file.toString(), 0, "file not found", "check the path");
            }
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new UserError(file.toString(), 0, "file is " + size + " bytes, over the limit of " + MAX_BYTES,
                        "split the file or remove generated content");
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UserError(file.toString(), 0, "file is not valid UTF-8", "save the file as UTF-8");
        } catch (IOException e) {
            throw new UserError(file.toString(), 0, "cannot read file: " + e.getMessage(), "check permissions");
        }
    }

    public static UserError syntaxError(String sourceName, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        int line = mark == null ? 0 : mark.getLine() + 1;
        String problem = e.getProblem() == null ? firstLine(e.getMessage()) : e.getProblem();
        if (problem.startsWith("found duplicate key ")) {
            problem = "duplicate key '" + problem.substring("found duplicate key ".length()).strip() + "'";
        } else if (e.getContext() != null && !e.getContext().isBlank()) {
            problem = e.getContext().strip() + ": " + problem;
        }
        return new UserError(sourceName, line, "invalid YAML: " + problem.strip(), READ_HINT, e);
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable YAML" : message.lines().findFirst().orElse(message).strip();
    }

    /** "a list", "a string", ... for messages about the wrong kind of YAML node. */
    public static String describe(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "a mapping";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL, MISSING -> "nothing";
            default -> "a string";
        };
    }

    /** Stable, readable YAML for a tree. */
    public static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise YAML", e);
        }
    }

    /** A JSON string literal (also a valid YAML double-quoted scalar). */
    public static String writeJsonString(String value) {
        try {
            return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    public static String writeJson(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }
}
