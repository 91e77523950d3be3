package dev.dcforge.validate.schema;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.rules.FindingSink;
import dev.dcforge.validate.rules.JavaRule;

/**
 * API versions that the target Kubernetes version no longer serves (error) or has deprecated (warning),
 * from the table in {@code dcforge/deprecated-apis.yaml}. Uses the target version itself, not the nearest
 * carried schema version, so it also answers for targets older than the carried schemas.
 */
public final class DeprecatedApiVersionRule extends JavaRule {
    public static final String ID = "deprecated-api-version";

    private final DeprecatedApis table;

    public DeprecatedApiVersionRule() {
        this(DeprecatedApis.builtIn());
    }

    DeprecatedApiVersionRule(DeprecatedApis table) {
        super(ID, Severity.WARNING, "schema", "Deprecated or removed API version",
                "The API server refuses an apiVersion that the cluster's Kubernetes release has removed, so the install "
                        + "or upgrade fails; a deprecated version still works but is removed by a later release.",
                "Change the template's apiVersion to the replacement named in the finding, adjusting any fields that "
                        + "changed between the versions.",
                "pluto", "deprecated/removed versions", "kubent", "deprecated APIs");
        this.table = table;
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        KubeVersion target = set.kubeVersion() == null || set.kubeVersion().isBlank()
                ? KubernetesSchemas.forTarget(null).version()
                : KubeVersion.parse(set.kubeVersion());
        for (ManifestObject o : set.objects()) {
            table.find(o.apiVersion(), o.kind()).ifPresent(e -> {
                String what = e.apiVersion() + " " + e.kind();
                if (e.removedIn() != null && target.atLeast(e.removedIn())) {
                    sink.report(o, what + " was removed in Kubernetes " + e.removedIn() + " (target " + target
                            + "); use " + e.replacement(), Severity.ERROR);
                } else if (target.atLeast(e.deprecatedIn())) {
                    sink.report(o, what + " is deprecated since Kubernetes " + e.deprecatedIn()
                            + (e.removedIn() == null ? "" : " and removed in " + e.removedIn())
                            + " (target " + target + "); use " + e.replacement(), Severity.WARNING);
                }
            });
        }
    }
}
