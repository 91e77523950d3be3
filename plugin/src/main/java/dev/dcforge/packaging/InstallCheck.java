package dev.dcforge.packaging;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import dev.dcforge.support.UserError;

import java.nio.file.Path;

/**
 * {@code helm install --dry-run} of an archive, client side (no cluster): Helm loads the archive,
 * checks the chart's kubeVersion constraint and dependencies, renders it with its own values and
 * parses the result, as a real install would before talking to the API server.
 */
public final class InstallCheck {

    /**
     * @return the release Helm would have installed
     * @throws UserError naming the archive and Helm's message when the install would fail
     */
    public Release check(Path archive, String releaseName, String namespace, String kubeVersion) {
        InstallCommand install = new Helm(archive).install()
                .withName(releaseName)
                .withNamespace(namespace)
                .dryRun()
                .clientOnly();
        if (kubeVersion != null && !kubeVersion.isBlank()) {
            install = install.withKubeVersion(kubeVersion);
        }
        try {
            return install.call();
        } catch (IllegalStateException e) {
            String message = e.getMessage() == null ? "unknown Helm error" : e.getMessage().strip();
            throw new UserError(archive.toString(), 0, "helm install --dry-run (Kubernetes " + kubeVersion + ", namespace "
                    + namespace + ") failed: " + message,
                    "fix the chart or the environment's values so that Helm can install the archive");
        }
    }
}
