package dev.dcforge.validate.schema;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.rules.FindingSink;
import dev.dcforge.validate.rules.JavaRule;

import java.util.List;
import java.util.Optional;

/**
 * Strict schema validation of every object whose kind has a schema (built-in for the target Kubernetes
 * version, or custom): unknown fields, wrong types, missing required fields, values outside an enum.
 */
public final class KubernetesSchemaRule extends JavaRule {
    public static final String ID = "kubernetes-schema";
    /** Findings per object; a mis-indented block can break dozens of fields at once. */
    static final int MAX_PER_OBJECT = 25;

    private final CustomSchemas custom;

    public KubernetesSchemaRule(CustomSchemas custom) {
        super(ID, Severity.ERROR, "schema", "Object does not match the Kubernetes schema",
                "The API server rejects an object with an unknown field (kubectl applies with strict field validation), "
                        + "a value of the wrong type, a missing required field or a value outside an enumeration, so "
                        + "helm install fails after the chart has passed review.",
                "Fix the chart template at the path given: correct the field name or indentation, quote or unquote the "
                        + "value, or add the missing field.",
                "kubeLinter", "(kubeconform -strict)");
        this.custom = custom;
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        KubernetesSchemas builtIn = KubernetesSchemas.forTarget(set.kubeVersion());
        for (ManifestObject o : set.objects()) {
            Optional<KindSchema> schema = schemaFor(custom, builtIn, o);
            if (schema.isEmpty()) {
                continue;
            }
            List<SchemaViolation> violations = SchemaCheck.validate(schema.get(), o.json());
            for (int i = 0; i < violations.size() && i < MAX_PER_OBJECT; i++) {
                sink.report(o, violations.get(i).message());
            }
            if (violations.size() > MAX_PER_OBJECT) {
                sink.report(o, "and " + (violations.size() - MAX_PER_OBJECT) + " more schema failures in this object");
            }
        }
    }

    static Optional<KindSchema> schemaFor(CustomSchemas custom, KubernetesSchemas builtIn, ManifestObject o) {
        Optional<KindSchema> own = custom.schemaFor(o.apiVersion(), o.kind());
        return own.isPresent() ? own : builtIn.schemaFor(o.apiVersion(), o.kind());
    }
}
