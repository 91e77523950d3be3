package dev.dcforge.model;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The text values an environment's overrides set, each with the override file and line that set it.
 * A finding whose message names one of them (an env var name, a host, a JVM argument) is attributed
 * to that line, so reports point at the override the user edits, not only at the chart template.
 */
public record OverrideOrigins(List<Origin> origins) {
    /** Shorter values ("true", "nginx", "1") would match ordinary words in messages. */
    public static final int MIN_VALUE_LENGTH = 6;

    public record Origin(String value, String file, int line) {
    }

    public static OverrideOrigins none() {
        return new OverrideOrigins(List.of());
    }

    public OverrideOrigins {
        // the longest value first: "-Xmx2g -Dsynchrony.proxy.enabled=true" wins over "-Xmx2g"
        origins = origins.stream().filter(o -> o.value().length() >= MIN_VALUE_LENGTH)
                .sorted(Comparator.comparingInt((Origin o) -> o.value().length()).reversed()).toList();
    }

    /** The finding with the override location of the longest value its message names as a whole token. */
    public Finding attribute(Finding finding) {
        return find(finding.message()).map(o -> finding.withOverride(o.file(), o.line())).orElse(finding);
    }

    Optional<Origin> find(String message) {
        if (message == null) {
            return Optional.empty();
        }
        for (Origin o : origins) {
            for (int at = message.indexOf(o.value()); at >= 0; at = message.indexOf(o.value(), at + 1)) {
                int end = at + o.value().length();
                if (!partOfWord(message, at - 1) && !partOfWord(message, end)) {
                    return Optional.of(o);
                }
            }
        }
        return Optional.empty();
    }

    private static boolean partOfWord(String s, int i) {
        return i >= 0 && i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_');
    }
}
