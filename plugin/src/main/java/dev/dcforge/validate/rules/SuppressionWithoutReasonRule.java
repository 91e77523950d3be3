package dev.dcforge.validate.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ManifestSet;
import dev.dcforge.validate.RuleEngine;

import java.util.List;
import java.util.Map;

/** A suppression must say why; an empty reason does not suppress and is itself an error. */
public final class SuppressionWithoutReasonRule implements Rule {
    private static final RuleInfo INFO = new RuleInfo("suppression-without-reason", Severity.ERROR,
            "Suppression annotation without a reason",
            "A silenced check with no recorded reason cannot be reviewed or revisited.",
            "Give the annotation a reason, e.g. dcforge.dev/ignore.<rule-id>: \"runs as root because ...\".",
            "best-practice", List.of(), List.of(), Map.of(), "java:" + SuppressionWithoutReasonRule.class.getSimpleName());

    @Override
    public RuleInfo info() {
        return INFO;
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
