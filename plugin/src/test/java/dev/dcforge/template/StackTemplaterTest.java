package dev.dcforge.template;

import dev.dcforge.TestFiles;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.support.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackTemplaterTest {
    @Test
    void templatesEveryJobWithItsValuesAndLintsEachChartOnce(@TempDir Path tmp) throws Exception {
        OutputLayout layout = new OutputLayout(tmp.resolve("out"));
        ChartTarget dev = new ChartTarget("dev", "demo");
        ChartTarget prod = new ChartTarget("prod", "demo");
        TestFiles.write(layout.valuesFile(dev), "replicaCount: 1\n");
        TestFiles.write(layout.valuesFile(prod), "replicaCount: 3\n");
        // a copy without an icon: helm lint then says "icon is recommended" once per lint
        Path charts = tmp.resolve("charts");
        Files.createDirectories(charts);
        new ChartStager().stage(TestFiles.resource("charts/demo"), charts);
        Path chartYaml = charts.resolve("demo/Chart.yaml");
        Files.writeString(chartYaml, Files.readString(chartYaml).replaceAll("(?m)^icon:.*\\n", ""));
        List<String> linted = new ArrayList<>();
        Map<ChartTarget, Path> manifests = new StackTemplater().template(
                List.of(new StackTemplater.Job(dev, "ns-dev", "1.32.0"), new StackTemplater.Job(prod, "ns-prod", "1.32.0")),
                charts, layout, (chart, message) -> linted.add(chart + ": " + message));
        assertEquals(layout.manifestFile(prod), manifests.get(prod));
        assertTrue(Files.readString(manifests.get(prod)).contains("replicas: 3"));
        assertTrue(Files.readString(manifests.get(dev)).contains("replicas: 1"));
        assertEquals(1, linted.size(), "two environments, one chart, linted once: " + linted);
        assertTrue(linted.get(0).startsWith("demo: ") && linted.get(0).contains("icon is recommended"), linted.get(0));
    }

    @Test
    void missingValuesNameTheFileAndTheGoalToRunFirst(@TempDir Path tmp) {
        OutputLayout layout = new OutputLayout(tmp.resolve("out"));
        ChartTarget dev = new ChartTarget("dev", "demo");
        UserError e = assertThrows(UserError.class, () -> new StackTemplater().template(
                List.of(new StackTemplater.Job(dev, "ns", "1.32.0")), TestFiles.resource("charts"), layout, null));
        assertEquals(layout.valuesFile(dev).toString(), e.file());
        assertTrue(e.getMessage().contains("run the render goal first"), e.getMessage());
        assertFalse(Files.exists(layout.manifestFile(dev)));
    }
}
