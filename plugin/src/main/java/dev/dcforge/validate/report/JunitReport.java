package dev.dcforge.validate.report;

import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.Finding;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.validate.ValidationResult;
import dev.dcforge.validate.rules.RuleInfo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** JUnit XML: a test suite per chart × environment, a test case per rule × object. */
public final class JunitReport {
    private JunitReport() {
    }

    public static Path write(ValidationResult result, List<RuleInfo> rules, Path file) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dcforge\">\n");
        for (Map.Entry<ChartTarget, List<String>> entry : result.objects().entrySet()) {
            ChartTarget target = entry.getKey();
            Map<String, List<Finding>> byCase = result.findings().stream()
                    .filter(f -> target.chart().equals(f.chart()) && target.environment().equals(f.environment()))
                    .collect(Collectors.groupingBy(f -> f.rule() + " " + f.kind() + "/" + f.name()));
            StringBuilder cases = new StringBuilder();
            int tests = 0;
            int failures = 0;
            for (RuleInfo rule : rules) {
                for (String object : entry.getValue()) {
                    String kind = object.substring(0, object.indexOf('/'));
                    if (!rule.kinds().isEmpty() && !rule.kinds().contains(kind)) {
                        continue;
                    }
                    tests++;
                    String name = rule.id() + " " + object;
                    cases.append("    <testcase classname=\"").append(esc("dcforge." + target.environment() + "." + target.chart()))
                            .append("\" name=\"").append(esc(name)).append('"');
                    List<Finding> failed = byCase.get(name);
                    if (failed == null) {
                        cases.append("/>\n");
                        continue;
                    }
                    failures++;
                    cases.append(">\n");
                    for (Finding f : failed) {
                        cases.append("      <failure type=\"").append(f.severity().label()).append("\" message=\"")
                                .append(esc(f.message())).append("\">").append(esc(location(f) + "\n" + f.remediation()))
                                .append("</failure>\n");
                    }
                    cases.append("    </testcase>\n");
                }
            }
            xml.append("  <testsuite name=\"").append(esc(target.toString())).append("\" tests=\"").append(tests)
                    .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\">\n")
                    .append(cases).append("  </testsuite>\n");
        }
        xml.append("</testsuites>\n");
        AtomicFiles.write(file, xml.toString());
        return file;
    }

    static String location(Finding f) {
        return f.file() + (f.line() > 0 ? ":" + f.line() : "")
                + (f.manifestFile() != null && !f.manifestFile().equals(f.file()) ? " (" + f.manifestFile() + ":" + f.manifestLine() + ")" : "");
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                default -> {
                    if (c >= 0x20 || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
