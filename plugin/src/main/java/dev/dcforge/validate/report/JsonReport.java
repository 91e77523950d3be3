package dev.dcforge.validate.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.model.Finding;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.Yaml;
import dev.dcforge.validate.ValidationResult;

import java.nio.file.Path;

/** findings.json: an array of findings; suppressed ones carry "suppressed" with the reason. */
public final class JsonReport {
    private JsonReport() {
    }

    public static Path write(ValidationResult result, Path file) {
        ArrayNode array = Yaml.json().createArrayNode();
        for (Finding f : result.findings()) {
            array.add(toJson(f));
        }
        for (ValidationResult.Suppressed s : result.suppressed()) {
            ObjectNode node = toJson(s.finding());
            node.putObject("suppressed").put("reason", s.reason()).put("by", s.source());
            array.add(node);
        }
        AtomicFiles.write(file, Yaml.writeJson(array));
        return file;
    }

    public static ObjectNode toJson(Finding f) {
        ObjectNode node = Yaml.json().createObjectNode();
        node.put("rule", f.rule());
        node.put("severity", f.severity().label());
        node.put("kind", f.kind());
        node.put("namespace", f.namespace());
        node.put("name", f.name());
        node.put("chart", f.chart());
        node.put("environment", f.environment());
        node.put("file", f.file());
        node.put("line", f.line());
        node.put("manifest", f.manifestFile());
        node.put("manifestLine", f.manifestLine());
        if (f.overrideFile() != null) {
            node.put("overrideFile", f.overrideFile());
            node.put("overrideLine", f.overrideLine());
        }
        node.put("message", f.message());
        node.put("remediation", f.remediation());
        return node;
    }
}
