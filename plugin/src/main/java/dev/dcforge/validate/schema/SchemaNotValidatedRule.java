package dev.dcforge.validate.schema;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.rules.FindingSink;
import dev.dcforge.validate.rules.JavaRule;

/** Objects whose kind has no schema (custom resources without a CRD file) are listed, never silently passed. */
public final class SchemaNotValidatedRule extends JavaRule {
    public static final String ID = "schema-not-validated";

    private final CustomSchemas custom;

    public SchemaNotValidatedRule(CustomSchemas custom) {
        super(ID, Severity.INFO, "schema", "Object not schema-validated",
                "dcforge carries schemas for the built-in Kubernetes API only; a custom resource (Istio VirtualService, "
                        + "Prometheus ServiceMonitor, Gateway API route) is not checked unless its schema is supplied.",
                "Add the CRD (kubectl get crd <name> -o yaml) or a JSON Schema with x-kubernetes-group-version-kind to the "
                        + "schema directory (dcforge.schemaDirectory).");
        this.custom = custom;
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
