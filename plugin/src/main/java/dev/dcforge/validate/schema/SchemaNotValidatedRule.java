package dev.dcforge.validate.schema;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.rules.FindingSink;
import dev.dcforge.validate.rules.Rule;
import dev.dcforge.validate.rules.RuleInfo;

import java.util.List;
import java.util.Map;

/** Objects whose kind has no schema (custom resources without a CRD file) are listed, never silently passed. */
public final class SchemaNotValidatedRule implements Rule {
    public static final String ID = "schema-not-validated";
    private static final RuleInfo INFO = new RuleInfo(ID, Severity.INFO,
            "Object not schema-validated",
            "dcforge carries schemas for the built-in Kubernetes API only; a custom resource (Istio VirtualService, "
                    + "Prometheus ServiceMonitor, Gateway API route) is not checked unless its schema is supplied.",
            "Add the CRD (kubectl get crd <name> -o yaml) or a JSON Schema with x-kubernetes-group-version-kind to the "
                    + "schema directory (dcforge.schemaDirectory).",
            "schema", List.of(), List.of(), Map.of(), "java:" + SchemaNotValidatedRule.class.getSimpleName());

    private final CustomSchemas custom;

    public SchemaNotValidatedRule(CustomSchemas custom) {
        this.custom = custom;
    }

    @Override
    public RuleInfo info() {
        return INFO;
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        KubernetesSchemas builtIn = KubernetesSchemas.forTarget(set.kubeVersion());
        for (ManifestObject o : set.objects()) {
            if (KubernetesSchemaRule.schemaFor(custom, builtIn, o).isEmpty()) {
                sink.report(o, "not validated: no schema for " + o.apiVersion() + "/" + o.kind());
            }
        }
    }
}
