package dev.dcforge.validate;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.Finding;
import dev.dcforge.model.Severity;

import java.util.List;
import java.util.Map;

/**
 * What validation found.
 *
 * @param findings        active findings, worst first
 * @param suppressed      findings silenced by an annotation or exemption, with the reason
 * @param objects         "Kind/name" of every object validated, per chart × environment
 * @param rulesRun        ids of the rules evaluated
 * @param notices         warnings about the run itself: expired exemptions, fixed baseline entries
 */
public record ValidationResult(List<Finding> findings, List<Suppressed> suppressed,
                               Map<ChartTarget, List<String>> objects, List<String> rulesRun, List<String> notices) {

    public ValidationResult(List<Finding> findings, List<Suppressed> suppressed,
                            Map<ChartTarget, List<String>> objects, List<String> rulesRun) {
        this(findings, suppressed, objects, rulesRun, List.of());
    }

    public record Suppressed(Finding finding, String reason, String source) {
    }

    public long count(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).count();
    }

    public long count(ChartTarget target, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity && target.chart().equals(f.chart())
                && target.environment().equals(f.environment())).count();
    }

    public List<Finding> atOrAbove(Severity threshold) {
        return threshold == null ? List.of() : findings.stream().filter(f -> f.severity().compareTo(threshold) >= 0).toList();
    }
}
