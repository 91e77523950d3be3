package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.support.Secrets;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.PodTemplates;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Passwords, licences and tokens written as literal env values (or -D JVM arguments) instead of coming from a Secret. */
public final class PlaintextSecretEnvRule extends JavaRule {
    private static final Pattern SYSTEM_PROPERTY = Pattern.compile("-D([^=\\s]+)=(\\S+)");

    public PlaintextSecretEnvRule() {
        super("plaintext-secret-in-env", Severity.ERROR, "atlassian", "Password, licence or token in a plain env value",
                "A literal env value is stored in the Helm release, the rendered manifests, Git and kubectl describe output; "
                        + "database passwords and licence keys (ATL_JDBC_PASSWORD, ATL_LICENSE_KEY) written there are disclosed.",
                "Create a Secret and use valueFrom.secretKeyRef (the Atlassian charts: database.credentials.secretName, "
                        + "<product>.license.secretName).",
                "polaris", "sensitiveContainerEnvVar", "kubeLinter", "env-var-secret");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject w : set.workloads()) {
            for (PodTemplates.Container c : PodTemplates.containers(w)) {
                for (JsonNode e : c.json().path("env")) {
                    String name = e.path("name").asText();
                    String value = e.path("value").asText("");
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (SensitiveConfigMapRule.looksSecret(name) || SensitiveConfigMapRule.PRIVATE_KEY.matcher(value).find()) {
                        sink.report(w, "container '" + c.name() + "': env " + name + " has a literal value (" + Secrets.MASK
                                + ") instead of valueFrom.secretKeyRef");
                        continue;
                    }
                    Matcher m = SYSTEM_PROPERTY.matcher(value);
                    while (m.find()) {
                        if (Secrets.looksSecret(m.group(1))) {
                            sink.report(w, "container '" + c.name() + "': env " + name + " passes -D" + m.group(1) + "="
                                    + Secrets.MASK + " as a literal JVM argument");
                        }
                    }
                }
            }
        }
    }
}
