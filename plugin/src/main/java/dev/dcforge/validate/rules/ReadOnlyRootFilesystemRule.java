package dev.dcforge.validate.rules;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.PodTemplates;

import java.util.regex.Pattern;

/**
 * readOnlyRootFilesystem, with an Atlassian-aware exemption: the product images write into their installation
 * directory at runtime, so for them the finding is downgraded to info and says why instead of failing the build.
 */
public final class ReadOnlyRootFilesystemRule extends JavaRule {
    /** Images of the Atlassian DC products (Docker Hub atlassian/*, or a mirror keeping the repository name). */
    static final Pattern ATLASSIAN_IMAGE = Pattern.compile(
            "(^|.*/)atlassian/(jira-software|jira-servicemanagement|jira-core|jira|confluence|confluence-server|bitbucket|"
                    + "bitbucket-server|bitbucket-mesh|bamboo|bamboo-server|bamboo-agent-base|crowd)(:.*|@.*)?$");

    public ReadOnlyRootFilesystemRule() {
        super("read-only-root-filesystem", Severity.WARNING, "best-practice", "Root file system is writable",
                "A writable root file system lets an attacker who gets code execution replace binaries and persist. "
                        + "Exemption: the Atlassian product images write into their installation directory at runtime "
                        + "(Tomcat work and temp, generated server.xml and setenv.sh, logs), so a read-only root file system "
                        + "stops them from starting; for those images the finding is reported as info, not as a failure.",
                "Set securityContext.readOnlyRootFilesystem: true and mount an emptyDir for each directory the process writes.",
                "kubeLinter", "no-read-only-root-fs", "polaris", "notReadOnlyRootFilesystem",
                "kubeScore", "container-security-context-readonlyrootfilesystem", "checkov", "CKV_K8S_22");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject o : set.workloads()) {
            if (PodTemplates.isHelmTest(o)) {
                continue;
            }
            for (PodTemplates.Container c : PodTemplates.containers(o)) {
                if (c.json().path("securityContext").path("readOnlyRootFilesystem").asBoolean(false)) {
                    continue;
                }
                String image = c.json().path("image").asText("");
                if (ATLASSIAN_IMAGE.matcher(image).matches()) {
                    sink.report(o, "container '" + c.name() + "': root file system is writable; accepted for the Atlassian image "
                            + image + " because it writes into its installation directory at runtime (Tomcat work/temp, "
                            + "generated configuration, logs) and does not start read-only", Severity.INFO);
                } else {
                    sink.report(o, "container '" + c.name() + "': securityContext.readOnlyRootFilesystem is not true");
                }
            }
        }
    }
}
