package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.RuleEngine;

/** A suppression must say why; an empty reason does not suppress and is itself an error. */
public final class SuppressionWithoutReasonRule extends JavaRule {
    public SuppressionWithoutReasonRule() {
        super("suppression-without-reason", Severity.ERROR, "best-practice", "Suppression annotation without a reason",
                "A silenced check with no recorded reason cannot be reviewed or revisited.",
                "Give the annotation a reason, e.g. dcforge.dev/ignore.<rule-id>: \"runs as root because ...\".");
    }

    @Override
    public void check(ManifestSet set, FindingSink sink) {
        for (ManifestObject o : set.objects()) {
            for (JsonNode annotations : RuleEngine.annotationsOf(o)) {
                annotations.fields().forEachRemaining(e -> {
                    if (e.getKey().startsWith(RuleEngine.IGNORE_PREFIX) && e.getValue().asText("").isBlank()) {
                        sink.report(o, "annotation " + e.getKey() + " has an empty reason, so it suppresses nothing");
                    }
                });
            }
        }
    }
}
