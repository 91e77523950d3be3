package dev.dcforge.support;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.yaml.snakeyaml.LoaderOptions;

import java.io.IOException;
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
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        options.setNestingDepthLimit(MAX_NESTING);
        options.setCodePointLimit(MAX_BYTES);
        YAMLFactory factory = YAMLFactory.builder()
                .loaderOptions(options)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        return new YAMLMapper(factory);
    }

    public static YAMLMapper mapper() {
        return READER;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** Reads one YAML document; an empty file is an empty object. */
    public static JsonNode read(Path file) {
        return parse(readText(file), file.toString());
    }

    /** Reads one YAML document that must be a mapping. */
    public static ObjectNode readObject(Path file, String whatItIs) {
        JsonNode node = read(file);
        if (node.isMissingNode() || node.isNull()) {
            return READER.createObjectNode();
        }
        if (!node.isObject()) {
            throw new UserError(file.toString(), 1, whatItIs + " must be a YAML mapping (key: value), found a "
                    + node.getNodeType().name().toLowerCase(), "write " + whatItIs + " as a mapping of keys to values");
        }
        return (ObjectNode) node;
    }

    public static JsonNode parse(String text, String sourceName) {
        if (text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = READER.readTree(text);
            return node == null ? MissingNode.getInstance() : node;
        } catch (JsonProcessingException e) {
            throw syntaxError(sourceName, e);
        }
    }

    /** UTF-8 text of a file within the size limit, or a UserError saying what is wrong. */
    public static String readText(Path file) {
        try {
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

    public static UserError syntaxError(String sourceName, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        String problem = e.getOriginalMessage();
        // SnakeYAML puts the useful part on the first line; Jackson adds source excerpts after it
        problem = problem == null ? "invalid YAML" : problem.lines().findFirst().orElse(problem).strip();
        if (e instanceof JsonParseException && problem.startsWith("Duplicate field")) {
            problem = "duplicate key " + problem.substring("Duplicate field".length()).strip();
        }
        return new UserError(sourceName, line, "invalid YAML: " + problem,
                "fix the YAML syntax (indent with spaces, one value per key)", e);
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
