package dev.dcforge.template;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import dev.dcforge.support.UserError;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a chart with the real Helm engine, in process (helm-java: Helm's Go code through JNI).
 * Works on a chart directory or a chart archive (.tgz).
 */
public final class HelmTemplater {

    /**
     * Helm names a template position as "template: chart/templates/x.yaml:12:3: msg" (parse errors) or
     * "execution error at (chart/templates/x.yaml:12:3): msg" (fail, required).
     */
    private static final Pattern HELM_TEMPLATE_POSITION = Pattern.compile(
            "(?:template: |execution error at \\(|parse error at \\()([^:\\s()]+):(\\d+)(?::\\d+)?\\)?: ([^\\n]*)");
    /** "YAML parse error on chart/templates/x.yaml: ... yaml: line 4: msg": the rendered output is not YAML. */
    private static final Pattern HELM_YAML_ERROR = Pattern.compile(
            "YAML parse error on ([^:\\s]+): .*?yaml: line (\\d+): ([^\\n]*)");

    /**
     * @param chart       chart directory or .tgz
     * @param valuesFile  values to apply on top of the chart defaults, or null
     * @param releaseName Helm release name
     * @param namespace   namespace the release is rendered for
     * @param kubeVersion target Kubernetes version ("1.32" or "v1.32.0"), or null for Helm's default
     * @return the multi-document manifest text, each document preceded by Helm's "# Source:" comment
     */
    public String template(Path chart, Path valuesFile, String releaseName, String namespace, String kubeVersion) {
        return template(chart, chart, valuesFile, releaseName, namespace, kubeVersion);
    }

    /**
     * Templates a staged copy of a chart; errors name the files of {@code sourceChart}, which the user edits.
     */
    public String template(Path chart, Path sourceChart, Path valuesFile, String releaseName, String namespace,
                           String kubeVersion) {
        requireChart(chart);
        TemplateCommand command = new Helm(chart).template()
                .withName(releaseName)
                .withNamespace(namespace);
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile);
        }
        if (kubeVersion != null && !kubeVersion.isBlank()) {
            command = command.withKubeVersion(kubeVersion);
        }
        try {
            return command.call();
        } catch (IllegalStateException e) {
            throw helmError(sourceChart, valuesFile, e.getMessage());
        }
    }

    /** Helm names templates "<chart-name>/templates/x.yaml": map that back onto the chart folder. */
    private static String chartFile(Path chart, String helmPath) {
        int slash = helmPath.indexOf('/');
        return (Files.isDirectory(chart) && slash > 0 ? chart.resolve(helmPath.substring(slash + 1)) : Path.of(helmPath)).toString();
    }

    /** helm lint --strict; returns Helm's messages, throws a UserError when lint fails. */
    public List<String> lintStrict(Path chart, Path valuesFile) {
        requireChart(chart);
        LintResult result = new Helm(chart).lint().strict().call();
        if (result.isFailed()) {
            String messages = String.join("\n  ", result.getMessages());
            throw new UserError(chart.toString(), 0, "helm lint --strict failed:\n  " + messages,
                    "fix the chart so that lint passes (warnings count as errors in strict mode)");
        }
        return result.getMessages();
    }

    static void requireChart(Path chart) {
        if (!Files.exists(chart)) {
            throw new UserError(chart.toString(), 0, "chart not found",
                    "point dcforge at a chart directory (with Chart.yaml) or a chart .tgz");
        }
        if (Files.isDirectory(chart) && !Files.isRegularFile(chart.resolve("Chart.yaml"))) {
            throw new UserError(chart.resolve("Chart.yaml").toString(), 0, "missing Chart.yaml",
                    "every chart directory needs a Chart.yaml with apiVersion v2, name and version");
        }
    }

    /** Turns Helm's message into file:line where Helm names a template position. */
    static UserError helmError(Path chart, Path valuesFile, String message) {
        // Helm's CLI advice does not apply to an in-process call
        String text = message == null ? "unknown Helm error" : message.replace("Use --debug flag to render out invalid YAML", "").strip();
        String valuesNote = valuesFile != null ? " (values: " + valuesFile + ")" : "";
        Matcher m = HELM_TEMPLATE_POSITION.matcher(text);
        if (m.find()) {
            return new UserError(chartFile(chart, m.group(1)), Integer.parseInt(m.group(2)),
                    "Helm template error: " + m.group(3).strip(), "fix the template or the value it reads" + valuesNote);
        }
        Matcher yaml = HELM_YAML_ERROR.matcher(text);
        if (yaml.find()) {
            return new UserError(chartFile(chart, yaml.group(1)), 0, "the template renders invalid YAML (line "
                    + yaml.group(2) + " of its output): " + yaml.group(3).strip(),
                    "fix the indentation or quoting that template produces (use nindent/toYaml for nested values)" + valuesNote);
        }
        return new UserError(chart.toString(), 0, "Helm failed: " + text,
                "check the chart and the values" + (valuesFile != null ? " in " + valuesFile : ""));
    }
}
