package dev.dcforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks rendered values against the chart's values.schema.json before Helm sees them. Each error names
 * the values path and the override file and line that set it (from the {@link SourceMap}).
 */
public final class ValuesSchemaCheck {
    private static final int MAX_ALLOWED_KEYS_SHOWN = 25;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    /**
     * Charts may explain a constraint with {@code "errorMessage": {"<keyword>": "why"}} next to it (the ajv-errors
     * keyword form; Helm ignores it): networknt then reports that text instead of its generic message for that keyword,
     * and does not warn about an unknown keyword.
     */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().errorMessageKeyword("errorMessage").build();

    /** One schema error: where it is in the values, where it was set, what is wrong. */
    public record Finding(String path, SourceMap.Source source, String problem) {
        String line() {
            return (source == null ? "(chart defaults)" : source.toString()) + ": " + (path.isEmpty() ? "" : path + ": ") + problem;
        }
    }

    /**
     * @param values the overrides alone: Helm validates defaults merged with overrides, and so do we
     */
    public void check(Path chartDir, JsonNode values, ChartTarget target, SourceMap sources) {
        List<Finding> findings = findings(chartDir, values, sources);
        if (findings.isEmpty()) {
            return;
        }
        Path schemaFile = chartDir.resolve("values.schema.json");
        Finding first = findings.get(0);
        StringBuilder problem = new StringBuilder("values of " + target.chart() + " in environment '" + target.environment()
                + "' do not match " + schemaFile + " (" + findings.size() + (findings.size() == 1 ? " error" : " errors") + "):");
        for (Finding f : findings) {
            problem.append("\n  ").append(f.line());
        }
        String file = first.source() == null ? chartDir.resolve("values.yaml").toString() : first.source().file();
        throw new UserError(file, first.source() == null ? 0 : first.source().line(), problem.toString(),
                "fix the override values at the lines shown (the chart's README lists its keys and types)");
    }

    public List<Finding> findings(Path chartDir, JsonNode values, SourceMap sources) {
        Path schemaFile = chartDir.resolve("values.schema.json");
        if (!Files.isRegularFile(schemaFile)) {
            return List.of();
        }
        JsonNode schemaNode = Yaml.read(schemaFile);
        JsonSchema schema;
        try {
            schema = compiled(schemaNode);
        } catch (RuntimeException e) {
            throw new UserError(schemaFile.toString(), 0, "values.schema.json is not a valid JSON Schema: " + e.getMessage(),
                    "fix the chart's schema");
        }
        JsonNode merged = Values.deepMerge(Yaml.readObject(chartDir.resolve("values.yaml"), "values.yaml").deepCopy(),
                values instanceof ObjectNode o ? o : Yaml.mapper().createObjectNode());
        Set<ValidationMessage> errors = schema.validate(merged);
        List<Finding> findings = new ArrayList<>();
        for (ValidationMessage m : errors) {
            StackSchema.SchemaFinding f = StackSchema.SchemaFinding.of(m, schemaNode);
            String problem = f.problem();
            if (!f.allowedKeys().isEmpty()) {
                List<String> keys = f.allowedKeys();
                problem += "; allowed: " + String.join(", ", keys.subList(0, Math.min(keys.size(), MAX_ALLOWED_KEYS_SHOWN)))
                        + (keys.size() > MAX_ALLOWED_KEYS_SHOWN ? ", ..." : "");
            } else {
                String prefix = f.path().isEmpty() ? "" : f.path() + ": ";
                problem = problem.startsWith(prefix) ? problem.substring(prefix.length()) : problem;
            }
            SourceMap.Source source = sources.lookup(f.path()).orElse(null);
            findings.add(new Finding(f.path(), source, problem));
        }
        findings.sort(Comparator.comparing((Finding f) -> f.source() == null ? "\uffff" : f.source().file())
                .thenComparingInt(f -> f.source() == null ? 0 : f.source().line())
                .thenComparing(Finding::path).thenComparing(Finding::problem));
        return findings;
    }

    /** Compiled schemas by content: every environment of a chart checks against the same schema. */
    private static final Map<JsonNode, JsonSchema> COMPILED = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<JsonNode, JsonSchema> eldest) {
            return size() > 64;
        }
    };

    private JsonSchema compiled(JsonNode schemaNode) {
        synchronized (COMPILED) {
            JsonSchema schema = COMPILED.get(schemaNode);
            if (schema != null) {
                return schema;
            }
        }
        JsonSchema schema = factory.getSchema(schemaNode, CONFIG);
        synchronized (COMPILED) {
            COMPILED.put(schemaNode.deepCopy(), schema);
        }
        return schema;
    }
}
