package dev.dcforge.support;

import dev.dcforge.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StageCacheTest {
    private static StageCache render(Path tmp, String param) {
        return new StageCache(tmp.resolve("state"), "render", true).param("p", param)
                .inputs(tmp.resolve("in")).outputs(tmp.resolve("out")).exclude(tmp.resolve("in/target"));
    }

    private static StageCache template(Path tmp) {
        return new StageCache(tmp.resolve("state"), "template", true).after("render").outputs(tmp.resolve("tout"));
    }

    @Test
    void skipsOnlyWhenInputsParametersAndOutputsAreUnchanged(@TempDir Path tmp) {
        TestFiles.write(tmp.resolve("in/a.yaml"), "a: 1\n");
        TestFiles.write(tmp.resolve("out/x"), "x");
        assertFalse(render(tmp, "1").upToDate(), "never ran");
        StageCache first = render(tmp, "1");
        first.started();
        first.succeeded(null);
        assertTrue(render(tmp, "1").upToDate());

        TestFiles.write(tmp.resolve("in/target/ignored"), "build output");
        assertTrue(render(tmp, "1").upToDate(), "excluded folders are not inputs");
        assertFalse(render(tmp, "2").upToDate(), "a parameter changed");
        TestFiles.write(tmp.resolve("in/a.yaml"), "a: 2\n");
        assertFalse(render(tmp, "1").upToDate(), "an input changed");
        TestFiles.write(tmp.resolve("in/a.yaml"), "a: 1\n");
        assertTrue(render(tmp, "1").upToDate(), "back to the recorded inputs");
        TestFiles.write(tmp.resolve("out/x"), "edited");
        assertFalse(render(tmp, "1").upToDate(), "an output changed");
    }

    @Test
    void aFailedRunAndAnUpstreamRerunInvalidate(@TempDir Path tmp) {
        StageCache r = render(tmp, "1");
        r.started();
        r.succeeded(null);
        StageCache t = template(tmp);
        t.started();
        t.succeeded(java.util.List.of("a\tb", "c"));
        assertTrue(template(tmp).upToDate());
        assertEquals(java.util.List.of("a\tb", "c"), template(tmp).data());
        assertEquals(-1, StageCache.upToDateMillis(tmp.resolve("state"), "template"));
        template(tmp).markUpToDate(7);
        assertEquals(7, StageCache.upToDateMillis(tmp.resolve("state"), "template"));
        template(tmp).started();
        assertEquals(-1, StageCache.upToDateMillis(tmp.resolve("state"), "template"), "a run clears the up-to-date note");
        assertFalse(template(tmp).upToDate());
        template(tmp).succeeded(null);

        StageCache rerun = render(tmp, "1");
        rerun.started();
        rerun.succeeded(null); // same inputs, but it ran again: later stages run again too
        assertFalse(template(tmp).upToDate());

        StageCache t2 = template(tmp);
        t2.started(); // ... and fails: no success recorded
        assertFalse(template(tmp).upToDate());
        assertFalse(new StageCache(tmp.resolve("state"), "template", false).after("render").outputs(tmp.resolve("tout")).upToDate(),
                "dcforge.incremental=false");
    }
}
