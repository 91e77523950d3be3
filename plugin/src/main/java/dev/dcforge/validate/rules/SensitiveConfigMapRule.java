package dev.dcforge.validate.rules;

import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.support.Secrets;
import dev.dcforge.validate.ManifestSet;

import java.util.regex.Pattern;

/** ConfigMaps are readable by anyone who can read the namespace's configuration; secrets do not belong there. */
public final class SensitiveConfigMapRule extends JavaRule {
    static final Pattern PRIVATE_KEY = Pattern.compile("-{3,}\\s*BEGIN [A-Z ]*PRIVATE KEY\\s*-{3,}");
    static final Pattern PROPERTY = Pattern.compile("^\\s*([A-Za-z0-9_.\\-]+)\\s*[=:]\\s*(\\S.*)$", Pattern.MULTILINE);
    /** Names that point at a secret rather than hold one: secretName, passwordSecretKey, LICENSE_SECRET_REF, createSecret. */
    static final Pattern REFERENCE = Pattern.compile(
            "(?i).*((secret|password|token|licen[cs]e|credentials?)[_.-]?(name|ref|refs|file|path|list|enabled|mount)"
                    + "|(create|existing|use)[_.-]?secret.*|secret[_.-]?(name|key|keyref|ref)s?)$");

    public SensitiveConfigMapRule() {
        super("sensitive-configmap-content", Severity.ERROR, "best-practice", "Secret value in a ConfigMap",
                "ConfigMaps are not encrypted at rest, are shown by kubectl describe and end up in Git and Helm release "
                        + "history; a password, licence or private key there is disclosed.",
                "Move the value into a Secret and reference it (secretKeyRef, or a Secret volume for files).",
                "polaris", "sensitiveConfigmapContent");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject o : set.ofKind("ConfigMap")) {
            o.json().path("data").fields().forEachRemaining(e -> {
                String key = e.getKey();
                String value = e.getValue().asText("");
                if (PRIVATE_KEY.matcher(value).find()) {
                    sink.report(o, "key '" + key + "' holds a private key");
                } else if (looksSecret(key) && !value.isBlank()) {
                    sink.report(o, "key '" + key + "' looks like a secret and has a literal value (" + Secrets.MASK + ")");
                } else if (key.endsWith(".properties")) {
                    var m = PROPERTY.matcher(value);
                    while (m.find()) {
                        if (looksSecret(m.group(1)) && !m.group(2).startsWith("${")) {
                            sink.report(o, "key '" + key + "' sets " + m.group(1) + " to a literal value (" + Secrets.MASK + ")");
                        }
                    }
                }
            });
        }
    }

    /** Secret-looking names, plus cloud access keys (AWS_SECRET_ACCESS_KEY, AZURE_BATCH_KEY, key_content). */
    static boolean looksSecret(String name) {
        if (REFERENCE.matcher(name).matches()) {
            return false;
        }
        return Secrets.looksSecret(name) || name.matches("(?i).*(access[_-]?key|_key$|key[_-]?content|batch[_-]?key).*");
    }
}
