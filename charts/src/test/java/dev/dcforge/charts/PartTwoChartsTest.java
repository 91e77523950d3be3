package dev.dcforge.charts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The shared chart checks (golden output, lint --strict, client-side dry-run install, README table,
 * schema coverage, official compatibility) for the part-2 charts. Each test delegates to the
 * part-1 test class that owns the check, so both parts are held to exactly the same rules.
 */
class PartTwoChartsTest {

    static final List<String> CHARTS = List.of("bitbucket", "bamboo", "bamboo-agent", "crowd");

    static Stream<String> charts() {
        return CHARTS.stream();
    }

    static Stream<Arguments> cases() {
        return CHARTS.stream()
                .flatMap(chart -> ChartSupport.valueFiles(chart).stream().map(values -> Arguments.of(chart, values)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void rendersAsGolden(String chart, Path values) {
        new GoldenOutputTest().rendersAsGolden(chart, values);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void clientSideDryRunInstall(String chart, Path values) {
        new LintAndDryRunTest().clientSideDryRunInstall(chart, values);
    }

    @ParameterizedTest
    @MethodSource("charts")
    void lintStrictIsClean(String chart) {
        new LintAndDryRunTest().lintStrictIsClean(chart);
    }

    @ParameterizedTest
    @MethodSource("charts")
    void readmeValuesTableIsCurrent(String chart) throws Exception {
        new ReadmeAndSchemaTest().readmeValuesTableIsCurrent(chart);
    }

    @ParameterizedTest
    @MethodSource("charts")
    void everyValuesKeyIsDocumented(String chart) throws Exception {
        new ReadmeAndSchemaTest().everyValuesKeyIsDocumented(chart);
    }

    @ParameterizedTest
    @MethodSource("charts")
    void schemaCoversEveryValuesKeyAndRejectsUnknownTopLevelKeys(String chart) throws Exception {
        new ReadmeAndSchemaTest().schemaCoversEveryValuesKeyAndRejectsUnknownTopLevelKeys(chart);
    }

    @ParameterizedTest
    @MethodSource("charts")
    void officialTestValuesRenderWithTheSameContainerContract(String chart) {
        new OfficialCompatibilityTest().officialTestValuesRenderWithTheSameContainerContract(chart);
    }
}
