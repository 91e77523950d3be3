package dev.dcforge.template;

import dev.dcforge.TestFiles;
import dev.dcforge.support.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelmTemplaterTest {
    private final HelmTemplater helm = new HelmTemplater();

    @Test
    void rendersWithValuesInProcess(@TempDir Path tmp) {
        Path values = TestFiles.write(tmp.resolve("v.yaml"), "replicaCount: 4\n");
        String out = helm.template(TestFiles.resource("charts/demo"), values, "rel", "ns1", "1.30.0");
        assertTrue(out.contains("# Source: demo/templates/deployment.yaml"), out);
        assertTrue(out.contains("replicas: 4"), out);
        assertTrue(out.contains("name: rel"), out);
    }

    @Test
    void templateErrorNamesTemplateFileAndLine() {
        Path chart = TestFiles.resource("charts/broken");
        UserError e = assertThrows(UserError.class, () -> helm.template(chart, null, "rel", "ns", "1.32.0"));
        assertEquals(chart.resolve("templates/cm.yaml").toString(), e.file());
        assertEquals(6, e.line());
        assertTrue(e.problem().contains("set .Values.needed"), e.problem());
    }

    @Test
    void missingChartYamlIsAUserError(@TempDir Path tmp) throws Exception {
        Files.createDirectories(tmp.resolve("nochart"));
        UserError e = assertThrows(UserError.class, () -> helm.template(tmp.resolve("nochart"), null, "r", "n", null));
        assertTrue(e.getMessage().endsWith("nochart/Chart.yaml: missing Chart.yaml. What to do: every chart directory needs a Chart.yaml with apiVersion v2, name and version"), e.getMessage());
    }

    @Test
    void strictLintPassesOnACleanChart() {
        assertTrue(helm.lintStrict(TestFiles.resource("charts/demo"), null).stream().noneMatch(m -> m.contains("[ERROR]")));
    }

    @Test
    void stagerVendorsLocalDependenciesAndRefusesSymlinks(@TempDir Path tmp) throws Exception {
        Path lib = tmp.resolve("src/lib");
        TestFiles.write(lib.resolve("Chart.yaml"), "apiVersion: v2\nname: lib\ntype: library\nversion: 1.0.0\n");
        TestFiles.write(lib.resolve("templates/_h.tpl"), "{{- define \"lib.name\" -}}from-lib{{- end -}}\n");
        Path app = tmp.resolve("src/app");
        TestFiles.write(app.resolve("Chart.yaml"), "apiVersion: v2\nname: app\nversion: 1.0.0\ndependencies:\n  - name: lib\n    version: 1.0.0\n    repository: file://../lib\n");
        TestFiles.write(app.resolve("templates/cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {{ include \"lib.name\" . }}\n");
        TestFiles.write(app.resolve(".helmignore"), "*.bak\n");
        TestFiles.write(app.resolve("notes.bak"), "x");
        Path staged = new ChartStager().stage(app, tmp.resolve("staging"));
        assertTrue(Files.isRegularFile(staged.resolve("charts/lib/templates/_h.tpl")));
        assertTrue(Files.notExists(staged.resolve("notes.bak")));
        assertTrue(helm.template(staged, null, "r", "n", "1.32.0").contains("name: from-lib"));

        Files.createSymbolicLink(app.resolve("templates/link.yaml"), Path.of("/etc/hostname"));
        UserError e = assertThrows(UserError.class, () -> new ChartStager().stage(app, tmp.resolve("staging")));
        assertTrue(e.getMessage().contains("symbolic links are not allowed in a chart"), e.getMessage());
    }
}
