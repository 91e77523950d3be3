package dev.dcforge.validate.report;

import dev.dcforge.model.Finding;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.ValidationResult;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Findings grouped by environment and chart, worst first, each with its remediation. */
public final class ConsoleReport {
    private ConsoleReport() {
    }

    public static void print(ValidationResult result, Consumer<String> out) {
        Map<String, List<Finding>> groups = result.findings().stream().collect(Collectors.groupingBy(
                f -> f.environment() + "/" + f.chart(), LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<Finding>> group : groups.entrySet()) {
            out.accept(group.getKey() + ":");
            for (Finding f : group.getValue()) {
                out.accept("  " + line(f));
                out.accept("      fix: " + f.remediation());
            }
        }
        for (ValidationResult.Suppressed s : result.suppressed()) {
            out.accept("  suppressed " + s.finding().rule() + " on " + s.finding().kind() + "/" + s.finding().name()
                    + " (" + s.finding().environment() + "/" + s.finding().chart() + ") by " + s.source() + ": " + s.reason());
        }
        for (String notice : result.notices()) {
            out.accept("  WARNING " + notice);
        }
        out.accept(String.format(Locale.ROOT, "dcforge validate: %d error(s), %d warning(s), %d info, %d suppressed",
                result.count(Severity.ERROR), result.count(Severity.WARNING), result.count(Severity.INFO), result.suppressed().size()));
    }

    /** "ERROR [rule] file: Kind/name: message" — the line the build failure repeats. */
    public static String line(Finding f) {
        StringBuilder sb = new StringBuilder();
        sb.append(f.severity().name()).append(" [").append(f.rule()).append("] ").append(JunitReport.location(f)).append(": ")
                .append(f.kind()).append('/').append(f.name()).append(": ").append(f.message());
        if (f.overrideFile() != null) {
            sb.append(" (value set in ").append(f.overrideFile()).append(f.overrideLine() > 0 ? ":" + f.overrideLine() : "").append(')');
        }
        return sb.toString();
    }
}
