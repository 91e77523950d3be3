package dev.dcforge.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.dcforge.support.Secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides secret values in a diff while still showing that one changed. Masked values are first replaced
 * by a token carrying a hash of the value (never printed); {@link #resolve} then turns every token into
 * the mask, and on the head side a token whose value the base does not have into
 * {@code ****** (changed)}. Masked: every value under a Secret's {@code data} and {@code stringData};
 * the {@code value} of a {@code name}/{@code value} pair (container env) whose name looks secret; a
 * ConfigMap's {@code data} entries whose key looks secret.
 */
public final class SecretMasker {
    private static final Pattern TOKEN = Pattern.compile("@@dcforge-masked:([0-9a-f]{64})@@");
    public static final String CHANGED = Secrets.MASK + " (changed)";

    private SecretMasker() {
    }

    /** A copy of the object with secret values replaced by tokens. */
    public static ObjectNode tokenize(ObjectNode object) {
        ObjectNode copy = object.deepCopy();
        String kind = copy.path("kind").asText();
        if (kind.equals("Secret")) {
            for (String field : new String[]{"data", "stringData"}) {
                if (copy.get(field) instanceof ObjectNode data) {
                    data.fields().forEachRemaining(e -> e.setValue(token(e.getValue())));
                }
            }
        }
        if (kind.equals("ConfigMap") && copy.get("data") instanceof ObjectNode data) {
            data.fields().forEachRemaining(e -> {
                if (Secrets.looksSecret(e.getKey())) {
                    e.setValue(token(e.getValue()));
                }
            });
        }
        walk(copy);
        return copy;
    }

    private static void walk(JsonNode node) {
        if (node instanceof ObjectNode o) {
            JsonNode value = o.get("value");
            if (o.path("name").isTextual() && value != null && value.isValueNode() && Secrets.looksSecret(o.path("name").asText())) {
                o.set("value", token(value));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                walk(it.next().getValue());
            }
        } else if (node instanceof ArrayNode a) {
            a.forEach(SecretMasker::walk);
        }
    }

    private static TextNode token(JsonNode value) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(value.toString().getBytes(StandardCharsets.UTF_8));
            return TextNode.valueOf("@@dcforge-masked:" + HexFormat.of().formatHex(hash) + "@@");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Replaces the tokens in one side's text.
     *
     * @param other the other side's tokenized text; a head token not found there is shown as changed
     * @param head  true for the head side
     */
    public static String resolve(String text, String other, boolean head) {
        Matcher m = TOKEN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean changed = head && !other.contains(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(changed ? CHANGED : Secrets.MASK));
        }
        m.appendTail(out);
        return out.toString();
    }
}
