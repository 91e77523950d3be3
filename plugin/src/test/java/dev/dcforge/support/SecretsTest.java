package dev.dcforge.support;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecretsTest {
    @Test
    void collectsEnvSecretDataAndSecretNamedFields() {
        var pod = Yaml.parse("""
                apiVersion: v1
                kind: Secret
                metadata: {name: s}
                data:
                  password: aHVudGVyMjIyMg==
                stringData:
                  token: tok-abcdef
                spec:
                  env:
                    - {name: ATL_JDBC_PASSWORD, value: pw-123456}
                    - {name: JVM_ARGS, value: -Xmx1g}
                  licenseKey: LIC-999999
                  ab: xy
                """, "t");
        Set<String> secrets = new HashSet<>();
        Secrets.collect(pod, secrets);
        assertTrue(secrets.containsAll(Set.of("hunter2222", "aHVudGVyMjIyMg==", "tok-abcdef", "pw-123456", "LIC-999999")), secrets.toString());
        assertFalse(secrets.contains("-Xmx1g"), "ordinary env values are not secrets");
    }

    @Test
    void scrubsLongestFirstAndIgnoresShortValues() {
        assertEquals("url postgres://u:******@db and ******", Secrets.scrub("url postgres://u:pw-123456@db and pw-123456-long",
                Set.of("pw-123456", "pw-123456-long")));
        Set<String> none = new HashSet<>();
        Secrets.collect(Yaml.parse("env: [{name: PASSWORD, value: abc}]", "t"), none);
        assertTrue(none.isEmpty(), "three characters would mask ordinary words");
    }

    @Test
    void namesThatLookSecret() {
        for (String name : new String[]{"ATL_JDBC_PASSWORD", "ATL_LICENSE_KEY", "sysadminToken", "api_key", "PRIVATE_KEY", "ssh-passphrase"}) {
            assertTrue(Secrets.looksSecret(name), name);
        }
        for (String name : new String[]{"JVM_SUPPORT_RECOMMENDED_ARGS", "ATL_PROXY_NAME", "HAZELCAST_PORT"}) {
            assertFalse(Secrets.looksSecret(name), name);
        }
    }
}
