package dev.dcforge.validate.rules;

import dev.dcforge.support.UserError;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Choices that change the built-in rule set.
 *
 * @param podSecurityProfile Pod Security Standards profile to enforce: {@code restricted} (default, includes baseline),
 *                           {@code baseline}, or {@code privileged} (no pod-security rules)
 * @param externalObjects    objects created outside the rendered charts that references may point at,
 *                           as "Kind/name" ("Secret/db-credentials"); "Kind/*" accepts every name of a kind
 */
public record RuleOptions(String podSecurityProfile, Set<String> externalObjects) {
    public static final String EXTERNAL_ANNOTATION = "dcforge.dev/external";

    public RuleOptions {
        podSecurityProfile = podSecurityProfile == null || podSecurityProfile.isBlank()
                ? "restricted" : podSecurityProfile.trim().toLowerCase(Locale.ROOT);
        if (!Set.of("restricted", "baseline", "privileged").contains(podSecurityProfile)) {
            throw new UserError("dcforge.podSecurityProfile", 0, "unknown Pod Security Standards profile '" + podSecurityProfile + "'",
                    "use restricted, baseline or privileged");
        }
        externalObjects = Set.copyOf(externalObjects == null ? Set.of() : externalObjects);
    }

    public static RuleOptions defaults() {
        return new RuleOptions("restricted", Set.of());
    }

    /** Parses "Secret/a, ConfigMap/b" as given to dcforge.externalObjects. */
    public static Set<String> parseExternal(String list) {
        Set<String> out = new LinkedHashSet<>();
        if (list == null) {
            return out;
        }
        for (String item : list.split("[,\\s]+")) {
            if (item.isBlank()) {
                continue;
            }
            if (!item.matches("[A-Za-z]+/[^/]+")) {
                throw new UserError("dcforge.externalObjects", 0, "'" + item + "' is not Kind/name",
                        "list external objects as Kind/name, e.g. Secret/confluence-db, PersistentVolumeClaim/shared-home");
            }
            out.add(item);
        }
        return out;
    }

    /** Whether a pod-security rule with these profiles runs under the chosen profile. */
    public boolean includesProfile(java.util.List<String> ruleProfiles) {
        return switch (podSecurityProfile) {
            case "privileged" -> false;
            case "baseline" -> ruleProfiles.contains("baseline");
            default -> true;
        };
    }

    public boolean isExternal(String kind, String name) {
        return externalObjects.contains(kind + "/" + name) || externalObjects.contains(kind + "/*");
    }
}
