package dev.dcforge.validate.report;

import dev.dcforge.support.UserError;
import dev.dcforge.validate.ValidationResult;
import dev.dcforge.validate.rules.RuleInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** Writes the requested report formats; console goes to the log, the others to files in the report folder. */
public final class Reports {
    public static final Set<String> FORMATS = Set.of("console", "json", "junit", "sarif");

    private Reports() {
    }

    public static Set<String> parseFormats(String list) {
        Set<String> formats = new LinkedHashSet<>();
        for (String f : list.split(",")) {
            String format = f.trim().toLowerCase(Locale.ROOT);
            if (format.isEmpty()) {
                continue;
            }
            if (!FORMATS.contains(format)) {
                throw new UserError("dcforge.reportFormats", 0, "unknown report format '" + f.trim() + "'",
                        "use a comma-separated list of console, json, junit, sarif");
            }
            formats.add(format);
        }
        return formats;
    }

    /** @return the files written */
    public static List<Path> write(ValidationResult result, List<RuleInfo> rules, Set<String> formats, Path reportDir,
                                   Consumer<String> console) {
        List<Path> written = new ArrayList<>();
        if (formats.contains("json")) {
            written.add(JsonReport.write(result, reportDir.resolve("findings.json")));
        }
        if (formats.contains("junit")) {
            written.add(JunitReport.write(result, rules, reportDir.resolve("TEST-dcforge.xml")));
        }
        if (formats.contains("sarif")) {
            written.add(SarifReport.write(result, rules, reportDir.resolve("dcforge.sarif")));
        }
        if (formats.contains("console")) {
            ConsoleReport.print(result, console);
        }
        return written;
    }
}
