package dev.dcforge.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.Finding;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Suppressions kept outside the charts, for charts one cannot edit:
 * <pre>
 * exemptions:
 *   - rule: pss-run-as-non-zero-user     # rule id, globs allowed
 *     kind: StatefulSet                  # optional selectors, globs allowed:
 *     name: confluence*                  #   kind, name, namespace, chart, environment
 *     chart: confluence
 *     reason: the nfs-permission-fixer init container must chown the shared home
 *     expires: 2026-12-31                # optional; after this date the exemption no longer applies
 * </pre>
 */
public final class Exemptions {
    private static final Set<String> KEYS = Set.of("rule", "kind", "name", "namespace", "chart", "environment", "reason", "expires");

    /** One entry, with where it is written (file and line) for messages. */
    public record Exemption(String rule, String kind, String name, String namespace, String chart, String environment,
                            String reason, LocalDate expires, String file, int line) {

        public boolean matches(Finding f) {
            return glob(rule, f.rule()) && glob(kind, f.kind()) && glob(name, f.name()) && glob(namespace, f.namespace())
                    && glob(chart, f.chart()) && glob(environment, f.environment());
        }

        /** Expired when today is after the expiry date (the exemption still applies on that date). */
        public boolean expired(LocalDate today) {
            return expires != null && today.isAfter(expires);
        }

        public String where() {
            return file + (line > 0 ? ":" + line : "");
        }
    }

    private final List<Exemption> entries;

    private Exemptions(List<Exemption> entries) {
        this.entries = List.copyOf(entries);
    }

    public static Exemptions none() {
        return new Exemptions(List.of());
    }

    public static Exemptions load(Path file) {
        return parse(Yaml.readText(file), file.toString());
    }

    public static Exemptions parse(String text, String where) {
        JsonNode root = Yaml.parse(text, where);
        if (root == null || root.isNull() || root.isMissingNode()) {
            return none();
        }
        JsonNode list = root.path("exemptions");
        if (!root.isObject() || !list.isArray() || root.size() != 1) {
            throw new UserError(where, 1, "an exemptions file must be a mapping with one key, 'exemptions:', holding a list",
                    "write exemptions: followed by entries with rule, reason and optional kind, name, namespace, chart, environment, expires");
        }
        List<Integer> lines = entryLines(text);
        List<Exemption> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode e = list.get(i);
            int line = i < lines.size() ? lines.get(i) : 0;
            if (!e.isObject()) {
                throw new UserError(where, line, "exemption " + (i + 1) + " is not a mapping", "give rule, reason and selectors as keys");
            }
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!KEYS.contains(key)) {
                    throw new UserError(where, line, "exemption " + (i + 1) + " has unknown key '" + key + "'",
                            "use only " + String.join(", ", KEYS.stream().sorted().toList()));
                }
            }
            String rule = e.path("rule").asText("");
            String reason = e.path("reason").asText("");
            if (rule.isBlank()) {
                throw new UserError(where, line, "exemption " + (i + 1) + " has no rule", "add rule: <rule-id>");
            }
            if (reason.isBlank()) {
                throw new UserError(where, line, "exemption " + (i + 1) + " (" + rule + ") has no reason",
                        "say why the finding is accepted: reason: \"...\"");
            }
            LocalDate expires = null;
            if (e.hasNonNull("expires")) {
                try {
                    expires = LocalDate.parse(e.path("expires").asText());
                } catch (DateTimeParseException ex) {
                    throw new UserError(where, line, "exemption " + (i + 1) + " has expires '" + e.path("expires").asText()
                            + "', not a date", "write the date as YYYY-MM-DD");
                }
            }
            out.add(new Exemption(rule, text(e, "kind"), text(e, "name"), text(e, "namespace"), text(e, "chart"),
                    text(e, "environment"), reason, expires, where, line));
        }
        return new Exemptions(out);
    }

    public List<Exemption> entries() {
        return entries;
    }

    /** The first exemption that matches the finding and has not expired. */
    public Optional<Exemption> active(Finding f, LocalDate today) {
        return entries.stream().filter(e -> !e.expired(today) && e.matches(f)).findFirst();
    }

    /** An expired exemption that would have matched the finding. */
    public Optional<Exemption> expiredFor(Finding f, LocalDate today) {
        return entries.stream().filter(e -> e.expired(today) && e.matches(f)).findFirst();
    }

    /** One warning per expired exemption. */
    public List<String> expiryWarnings(LocalDate today) {
        return entries.stream().filter(e -> e.expired(today))
                .map(e -> e.where() + ": exemption for " + e.rule() + " expired on " + e.expires()
                        + " and no longer applies (reason was: " + e.reason() + ")")
                .toList();
    }

    /** One warning per exemption whose rule (without wildcards) is not among the rules that ran: usually a typo. */
    public List<String> unknownRuleWarnings(java.util.Collection<String> ruleIds) {
        return entries.stream()
                .filter(e -> !e.rule().contains("*") && !e.rule().contains("?") && !ruleIds.contains(e.rule()))
                .map(e -> e.where() + ": exemption names rule '" + e.rule() + "', which did not run (unknown id, or outside "
                        + "the Pod Security profile); it suppresses nothing")
                .toList();
    }

    private static String text(JsonNode e, String key) {
        return e.hasNonNull(key) ? e.path(key).asText() : null;
    }

    /** Null or "*" matches anything; otherwise a glob over the whole value: * any run of characters, ? one. */
    static boolean glob(String pattern, String value) {
        if (pattern == null || pattern.equals("*")) {
            return true;
        }
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return (value == null ? "" : value).matches(regex.toString());
    }

    /** Lines where the list entries under exemptions: start ("- " at the list's indentation). */
    private static List<Integer> entryLines(String text) {
        List<Integer> lines = new ArrayList<>();
        String[] all = text.split("\n", -1);
        int indent = -1;
        boolean inList = false;
        for (int i = 0; i < all.length; i++) {
            String l = all[i];
            if (l.startsWith("exemptions:")) {
                inList = true;
                continue;
            }
            if (!inList) {
                continue;
            }
            String stripped = l.stripLeading();
            if (stripped.startsWith("- ") || stripped.equals("-")) {
                int ind = l.length() - stripped.length();
                if (indent < 0) {
                    indent = ind;
                }
                if (ind == indent) {
                    lines.add(i + 1);
                }
            }
        }
        return lines;
    }
}
