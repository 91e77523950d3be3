package dev.dcforge.charts;

import dev.dcforge.support.UserError;

import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Small assertion helpers (JUnit only) with messages that show what was there. */
final class Asserts {

    private Asserts() {
    }

    @SafeVarargs
    static <T> void containsAll(Collection<T> actual, T... expected) {
        List<T> missing = Arrays.stream(expected).filter(e -> !actual.contains(e)).toList();
        assertTrue(missing.isEmpty(), "missing " + missing + " in " + actual);
    }

    static void containsText(String actual, String... fragments) {
        for (String f : fragments) {
            assertTrue(actual.contains(f), "expected <" + f + "> in <" + actual + ">");
        }
    }

    static void lacksText(String actual, String... fragments) {
        for (String f : fragments) {
            assertTrue(!actual.contains(f), "did not expect <" + f + "> in <" + actual + ">");
        }
    }

    static <T> void noDuplicates(List<T> items, String what) {
        if (new HashSet<>(items).size() != items.size()) {
            fail("duplicated entries in " + what + ": " + items);
        }
    }

    /** The render must fail with a UserError whose message contains every fragment. */
    static void renderFails(String chart, String values, String... fragments) {
        UserError e = assertThrows(UserError.class, () -> ChartSupport.renderInline(chart, values),
                "expected the render of " + chart + " to fail with values:\n" + values);
        containsText(e.getMessage(), fragments);
    }
}
