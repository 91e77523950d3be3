package dev.dcforge.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.Set;
import java.util.regex.Pattern;

/** Decides what looks like a secret, so that no log line, report or diff prints one. */
public final class Secrets {
    public static final String MASK = "******";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(passw(or)?d|secret|token|licen[cs]e|api[_-]?key|private[_-]?key|credential|passphrase).*");

    private Secrets() {
    }

    /** Names such as ATL_JDBC_PASSWORD, ATL_LICENSE_KEY, bitbucket.sysadminToken. */
    public static boolean looksSecret(String name) {
        return name != null && SECRET_NAME.matcher(name).matches();
    }

    /** Shortest value treated as a secret when scrubbing text; shorter ones would mask ordinary words. */
    static final int MIN_SCRUB_LENGTH = 4;

    /**
     * Every value in a Kubernetes object that is secret by where it sits: env values whose name looks
     * secret, a Secret's data (decoded) and stringData, and any field whose name looks secret.
     */
    public static void collect(JsonNode node, Set<String> into) {
        if (node == null) {
            return;
        }
        if ("Secret".equals(node.path("kind").asText()) && "v1".equals(node.path("apiVersion").asText())) {
            node.path("stringData").forEach(v -> add(into, v.asText()));
            node.path("data").forEach(v -> {
                add(into, v.asText());
                try {
                    add(into, new String(Base64.getDecoder().decode(v.asText().trim()), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException notBase64) {
                    // invalid base64 is the schema check's to report; the raw text is masked above
                }
            });
        }
        if (node.isObject()) {
            if (node.has("name") && node.has("value") && looksSecret(node.path("name").asText())) {
                add(into, node.path("value").asText());
            }
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isValueNode() && looksSecret(e.getKey())) {
                    add(into, e.getValue().asText());
                }
                collect(e.getValue(), into);
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, into));
        }
    }

    private static void add(Set<String> into, String value) {
        if (value != null && value.strip().length() >= MIN_SCRUB_LENGTH) {
            into.add(value.strip());
        }
    }

    /** The text with every known secret value replaced by the mask; longest first so parts of a secret never survive. */
    public static String scrub(String text, Collection<String> secrets) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String result = text;
        for (String secret : secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** The value, or the mask when its name looks secret. */
    public static String maskIfSecret(String name, String value) {
        return looksSecret(name) ? MASK : value;
    }
}
