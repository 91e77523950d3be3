package dev.dcforge.packaging;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.PushCommand;
import com.marcnuri.helm.RegistryCommand;
import dev.dcforge.support.Secrets;
import dev.dcforge.support.UserError;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

/**
 * Pushes archives to an OCI registry with Helm ({@code helm registry login} + {@code helm push}).
 * Plain chart archives go to {@code <registry>/<chart>:<version>}, an environment's archives to
 * {@code <registry>/<environment>/<chart>:<version>} (they share name and version across environments).
 * Credentials are never logged and are scrubbed from Helm's messages.
 */
public final class OciPublisher {
    /** Credentials from a settings.xml server; either may be null. */
    public record Credentials(String username, String password) {
    }

    private final URI registry;
    private final Credentials credentials;
    private final boolean plainHttp;

    /**
     * @param registry e.g. {@code oci://registry.example.com/charts}
     * @param origin   where the registry was configured, for errors
     */
    public OciPublisher(String registry, Credentials credentials, boolean plainHttp, String origin) {
        this.registry = parse(registry, origin);
        this.credentials = credentials;
        this.plainHttp = plainHttp;
    }

    static URI parse(String registry, String origin) {
        try {
            URI uri = new URI(registry.strip().replaceFirst("/+$", ""));
            if (!"oci".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new URISyntaxException(registry, "not oci://host[:port]/path");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UserError(origin, 0, "push registry '" + registry + "' is not an OCI reference",
                    "use oci://host[:port]/path, for example oci://registry.example.com/charts");
        }
    }

    public URI registry() {
        return registry;
    }

    /** The OCI repository an archive goes to. */
    public URI remoteFor(PackagedChart chart) {
        return URI.create(registry + (chart.plain() ? "" : "/" + chart.environment()));
    }

    /** @return Helm's push output per archive */
    public List<String> push(List<PackagedChart> charts) {
        String host = registry.getPort() < 0 ? registry.getHost() : registry.getHost() + ":" + registry.getPort();
        if (credentials != null && credentials.username() != null) {
            RegistryCommand.LoginCommand login = Helm.registry().login().withHost(host)
                    .withUsername(credentials.username())
                    .withPassword(credentials.password() == null ? "" : credentials.password());
            if (plainHttp) {
                login = login.plainHttp();
            }
            try {
                login.call();
            } catch (IllegalStateException e) {
                throw new UserError(registry.toString(), 0, "helm registry login to " + host + " as " + credentials.username()
                        + " failed: " + scrub(e.getMessage()),
                        "check the registry address and the credentials of the settings.xml server");
            }
        }
        List<String> out = new ArrayList<>();
        for (PackagedChart chart : charts) {
            URI remote = remoteFor(chart);
            PushCommand push = Helm.push().withChart(chart.archive()).withRemote(remote);
            if (plainHttp) {
                push = push.plainHttp();
            }
            try {
                out.add(push.call());
            } catch (IllegalStateException e) {
                throw new UserError(chart.archive().toString(), 0, "helm push to " + remote + " failed: " + scrub(e.getMessage()),
                        "check that the registry is reachable and that you may push to it (dcforge.push.registry, dcforge.push.serverId)");
            }
        }
        return out;
    }

    private String scrub(String message) {
        String text = message == null ? "unknown Helm error" : message.strip();
        if (credentials != null && credentials.password() != null && !credentials.password().isEmpty()) {
            text = text.replace(credentials.password(), Secrets.MASK);
        }
        return text;
    }
}
