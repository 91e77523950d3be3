package dev.dcforge.charts;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import dev.dcforge.template.HelmTemplater;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** helm lint --strict on each chart, and a client-side helm install --dry-run for every value file. */
class LintAndDryRunTest {

    @ParameterizedTest
    @ValueSource(strings = {"confluence", "jira"})
    void lintStrictIsClean(String chart) {
        List<String> messages = new HelmTemplater().lintStrict(ChartSupport.chart(chart), null);
        assertTrue(messages.stream().noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]")),
                "lint --strict messages for " + chart + ": " + messages);
    }

    @ParameterizedTest
    @ValueSource(strings = {"common"})
    void libraryChartLintsClean(String chart) {
        List<String> messages = new HelmTemplater().lintStrict(ChartSupport.chartsDir().resolve(chart), null);
        assertTrue(messages.stream().noneMatch(m -> m.contains("[WARNING]") || m.contains("[ERROR]")), String.valueOf(messages));
    }

    static Stream<Arguments> cases() {
        return GoldenOutputTest.cases();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void clientSideDryRunInstall(String chart, Path values) {
        Release release = new Helm(ChartSupport.chart(chart)).install()
                .withName(ChartSupport.release(chart))
                .withNamespace(ChartSupport.NAMESPACE)
                .withKubeVersion(ChartSupport.KUBE_VERSION)
                .dryRun()
                .clientOnly()
                .withValuesFile(values)
                .call();
        assertEquals("pending-install", release.getStatus(), "dry-run install of " + chart + " with " + values);
        assertEquals(ChartSupport.release(chart), release.getName());
    }
}
