package dev.dcforge.packaging;

import dev.dcforge.TestFiles;
import dev.dcforge.support.UserError;
import dev.dcforge.template.ChartStager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** No real network: the registry is a closed port on 127.0.0.1. */
class OciPublisherTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void rejectsWhatIsNotAnOciReference() {
        UserError e = assertThrows(UserError.class, () -> new OciPublisher("https://registry/charts", null, false, "pom.xml"));
        assertTrue(e.getMessage().startsWith("pom.xml: push registry 'https://registry/charts' is not an OCI reference"), e.getMessage());
    }

    @Test
    void environmentArchivesGoBelowTheirEnvironment() {
        OciPublisher p = new OciPublisher("oci://registry.example.com:5000/charts/", null, false, "pom.xml");
        assertEquals(URI.create("oci://registry.example.com:5000/charts/prod"), p.remoteFor(new PackagedChart("prod", "jira", Path.of("x.tgz"))));
        assertEquals(URI.create("oci://registry.example.com:5000/charts"), p.remoteFor(new PackagedChart(null, "jira", Path.of("x.tgz"))));
        assertEquals("prod-jira", new PackagedChart("prod", "jira", Path.of("x.tgz")).classifier());
        assertEquals("charts-jira", new PackagedChart(null, "jira", Path.of("x.tgz")).classifier());
    }

    @Test
    void unreachableRegistryNamesTheArchiveAndHidesThePassword(@TempDir Path tmp) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path archive = new ChartPackager(T).packageChart(
                new ChartStager().stage(TestFiles.resource("charts/demo"), tmp.resolve("staging")), null, tmp.resolve("out"));
        PackagedChart chart = new PackagedChart("dev", "demo", archive);

        OciPublisher anonymous = new OciPublisher("oci://127.0.0.1:" + port + "/charts", null, true, "pom.xml");
        UserError push = assertThrows(UserError.class, () -> anonymous.push(List.of(chart)));
        assertTrue(push.getMessage().startsWith(archive + ": helm push to oci://127.0.0.1:" + port + "/charts/dev failed: "),
                push.getMessage());

        OciPublisher withLogin = new OciPublisher("oci://127.0.0.1:" + port + "/charts",
                new OciPublisher.Credentials("ci", "s3cr3t-pw"), true, "pom.xml");
        UserError login = assertThrows(UserError.class, () -> withLogin.push(List.of(chart)));
        assertTrue(login.getMessage().contains("helm registry login to 127.0.0.1:" + port + " as ci failed"), login.getMessage());
        assertFalse(login.getMessage().contains("s3cr3t-pw"), login.getMessage());
    }
}
