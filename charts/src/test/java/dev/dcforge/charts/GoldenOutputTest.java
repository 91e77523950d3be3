package dev.dcforge.charts;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every test value file renders exactly as its golden file. -Ddcforge.refreshGolden=true rewrites
 * the golden files (review the diff before committing).
 */
class GoldenOutputTest {

    static Stream<Arguments> cases() {
        return ChartSupport.CHARTS.stream()
                .flatMap(chart -> ChartSupport.valueFiles(chart).stream().map(values -> Arguments.of(chart, values)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void rendersAsGolden(String chart, Path values) {
        String rendered = ChartSupport.render(chart, values);
        String caseName = values.getFileName().toString();
        Path golden = ChartSupport.chartsDir().resolve("src/test/resources/golden").resolve(chart).resolve(caseName);
        if (ChartSupport.REFRESH) {
            ChartSupport.write(golden, rendered);
        }
        assertTrue(Files.isRegularFile(golden), "missing golden file " + golden + ": run with -Ddcforge.refreshGolden=true");
        assertEquals(ChartSupport.read(golden), rendered,
                "rendered " + chart + " with " + caseName + " differs from " + golden + " (refresh with -Ddcforge.refreshGolden=true if intended)");
    }
}
