package dev.dcforge.validate.schema;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.Finding;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.validate.ManifestParser;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.rules.FindingSink;
import dev.dcforge.validate.rules.Rule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs schema rules over manifest text the way the rule engine does. */
final class SchemaTestSupport {
    static final ChartTarget TARGET = new ChartTarget("test", "demo");

    private SchemaTestSupport() {
    }

    static ManifestSet set(String manifest, String kubeVersion) {
        List<ManifestObject> objects = new ManifestParser().parse(TARGET, Path.of("rendered/demo.yaml"), manifest);
        return new ManifestSet(TARGET, "default", kubeVersion, objects);
    }

    static List<Finding> run(Rule rule, ManifestSet set) {
        FindingSink sink = new FindingSink(rule.info(), source -> Path.of("charts").resolve(source));
        rule.check(set, sink);
        return new ArrayList<>(sink.findings());
    }

    static List<Finding> run(Rule rule, String manifest, String kubeVersion) {
        return run(rule, set(manifest, kubeVersion));
    }
}
