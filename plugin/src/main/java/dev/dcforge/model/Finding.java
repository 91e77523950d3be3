package dev.dcforge.model;

/**
 * One rule result on one object.
 *
 * @param file         chart template file the object came from (or the manifest file when unknown)
 * @param line         line in {@code file}, 0 when unknown
 * @param manifestFile rendered manifest file
 * @param manifestLine line of the object in the rendered manifest
 * @param overrideFile override template that set the offending value, or null
 * @param overrideLine line in overrideFile, 0 when unknown
 */
public record Finding(String rule, Severity severity, String message, String remediation,
                      String chart, String environment, String kind, String namespace, String name,
                      String file, int line, String manifestFile, int manifestLine,
                      String overrideFile, int overrideLine) {

    public Finding withSeverity(Severity s) {
        return new Finding(rule, s, message, remediation, chart, environment, kind, namespace, name,
                file, line, manifestFile, manifestLine, overrideFile, overrideLine);
    }

    public Finding withMessage(String m) {
        return new Finding(rule, severity, m, remediation, chart, environment, kind, namespace, name,
                file, line, manifestFile, manifestLine, overrideFile, overrideLine);
    }

    public Finding withOverride(String file, int line) {
        return new Finding(rule, severity, message, remediation, chart, environment, kind, namespace, name,
                this.file, this.line, manifestFile, manifestLine, file, line);
    }

    /** Stable identity across runs, used by baselines: rule, where and what, but not line numbers. */
    public String fingerprint() {
        return String.join("|", rule, environment == null ? "" : environment, chart == null ? "" : chart,
                kind == null ? "" : kind, namespace == null ? "" : namespace, name == null ? "" : name, message);
    }
}
