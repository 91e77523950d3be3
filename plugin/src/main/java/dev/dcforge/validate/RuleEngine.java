package dev.dcforge.validate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.Finding;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.validate.rules.FindingSink;
import dev.dcforge.validate.rules.Rule;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Runs rules over a manifest set and applies suppression annotations. */
public final class RuleEngine {
    /** {@code dcforge.dev/ignore.<rule-id>: "<reason>"} on the object or its pod template. */
    public static final String IGNORE_PREFIX = "dcforge.dev/ignore.";

    private final List<Rule> rules;
    private final Exemptions exemptions;
    private final LocalDate today;

    public RuleEngine(List<Rule> rules) {
        this(rules, Exemptions.none(), LocalDate.now());
    }

    /** @param today the date exemption expiry is judged against */
    public RuleEngine(List<Rule> rules, Exemptions exemptions, LocalDate today) {
        this.rules = List.copyOf(rules);
        this.exemptions = exemptions;
        this.today = today;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Evaluates every rule; suppressed findings go to {@code suppressed}, the rest are returned. */
    public List<Finding> run(ManifestSet set, Function<String, Path> templateResolver,
                             List<ValidationResult.Suppressed> suppressed) {
        List<Finding> active = new ArrayList<>();
        for (Rule rule : rules) {
            FindingSink sink = new FindingSink(rule.info(), templateResolver);
            rule.check(set, sink);
            for (Finding f : sink.findings()) {
                String reason = suppressionReason(set, f);
                Optional<Exemptions.Exemption> exemption = exemptions.active(f, today);
                if (reason != null && !reason.isBlank()) {
                    suppressed.add(new ValidationResult.Suppressed(f, reason, "annotation " + IGNORE_PREFIX + f.rule()));
                } else if (exemption.isPresent()) {
                    suppressed.add(new ValidationResult.Suppressed(f, exemption.get().reason(),
                            "exemption " + exemption.get().where()
                                    + (exemption.get().expires() != null ? " (expires " + exemption.get().expires() + ")" : "")));
                } else {
                    active.add(f);
                }
            }
        }
        return active;
    }

    /** The reason given on the object or its pod template, or null when the finding is not suppressed. */
    static String suppressionReason(ManifestSet set, Finding f) {
        for (ManifestObject o : set.objects()) {
            if (o.kind().equals(f.kind()) && o.name().equals(f.name())) {
                for (JsonNode annotations : annotationsOf(o)) {
                    JsonNode reason = annotations.get(IGNORE_PREFIX + f.rule());
                    if (reason != null) {
                        return reason.asText();
                    }
                }
            }
        }
        return null;
    }

    /** Annotations of the object and of its pod template, where suppressions may be written. */
    public static List<JsonNode> annotationsOf(ManifestObject o) {
        List<JsonNode> result = new ArrayList<>();
        result.add(o.json().path("metadata").path("annotations"));
        PodTemplates.podTemplate(o).ifPresent(t -> result.add(t.path("metadata").path("annotations")));
        return result;
    }
}
