package dev.dcforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks rendered values against the chart's values.schema.json before Helm sees them. */
public final class ValuesSchemaCheck {
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    /**
     * @param values the overrides alone: Helm validates defaults merged with overrides, and so do we
     */
    public void check(Path chartDir, JsonNode values, Path valuesFile, List<Path> layers) {
        Path schemaFile = chartDir.resolve("values.schema.json");
        if (!Files.isRegularFile(schemaFile)) {
            return;
        }
        JsonNode schemaNode = Yaml.read(schemaFile);
        JsonSchema schema;
        try {
            schema = factory.getSchema(schemaNode);
        } catch (RuntimeException e) {
            throw new UserError(schemaFile.toString(), 0, "values.schema.json is not a valid JSON Schema: " + e.getMessage(),
                    "fix the chart's schema");
        }
        JsonNode merged = Values.deepMerge(Yaml.readObject(chartDir.resolve("values.yaml"), "values.yaml").deepCopy(),
                values.isObject() ? (com.fasterxml.jackson.databind.node.ObjectNode) values : Yaml.mapper().createObjectNode());
        Set<ValidationMessage> errors = schema.validate(merged);
        if (!errors.isEmpty()) {
            String list = errors.stream().map(ValidationMessage::getMessage)
                    .sorted().collect(Collectors.joining("\n  "));
            String where = layers.isEmpty() ? valuesFile.toString() : layers.get(layers.size() - 1).toString();
            throw new UserError(where, 0, "values do not match " + schemaFile + ":\n  " + list,
                    "fix the override values (see the chart's README for allowed keys and types)");
        }
    }
}
