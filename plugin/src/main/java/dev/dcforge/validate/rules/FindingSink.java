package dev.dcforge.validate.rules;

import dev.dcforge.model.Finding;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Collects a rule's findings, filling in rule, severity, remediation and the object's location. */
public final class FindingSink {
    private final RuleInfo rule;
    private final Function<String, Path> templateResolver;
    private final List<Finding> findings = new ArrayList<>();

    /**
     * @param templateResolver maps Helm's "# Source:" path to the chart template file, or null when unknown
     */
    public FindingSink(RuleInfo rule, Function<String, Path> templateResolver) {
        this.rule = rule;
        this.templateResolver = templateResolver;
    }

    public void report(ManifestObject object, String message) {
        report(object, message, rule.severity());
    }

    public void report(ManifestObject object, String message, Severity severity) {
        String manifest = object.manifestFile() == null ? null : object.manifestFile().toString();
        Path template = object.sourceTemplate() == null ? null : templateResolver.apply(object.sourceTemplate());
        String file = template != null ? template.toString() : manifest;
        int line = template != null ? 0 : object.line();
        findings.add(new Finding(rule.id(), severity, message, rule.remediation(),
                object.target().chart(), object.target().environment(), object.kind(), object.namespace(),
                object.name(), file, line, manifest, object.line(), null, 0));
    }

    public List<Finding> findings() {
        return findings;
    }
}
