package dev.dcforge.validate;

import dev.dcforge.TestFiles;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.Finding;
import dev.dcforge.model.Severity;
import dev.dcforge.validate.rules.BuiltInRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValidatorTest {
    @TempDir
    Path tmp;

    private ValidationResult validate(String manifest) {
        Path file = TestFiles.write(tmp.resolve("m.yaml"), manifest);
        return new Validator(BuiltInRules.all(), tmp).validate(List.of(
                new Validator.Input(new ChartTarget("dev", "demo"), file, null, "ns", "1.32.0")));
    }

    private static String pod(String annotations, boolean privileged) {
        return """
                apiVersion: v1
                kind: Pod
                metadata:
                  name: p
                  annotations: %s
                spec:
                  containers:
                    - name: c
                      image: nginx:1.27
                      securityContext:
                        privileged: %s
                """.formatted(annotations, privileged);
    }

    @Test
    void privilegedContainerFailsAndUnprivilegedPasses() {
        List<Finding> bad = validate(pod("{}", true)).findings();
        Finding f = bad.stream().filter(x -> x.rule().equals("privileged-container")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("m.yaml", f.file());
        assertEquals(1, f.line());
        assertEquals("container 'c': runs privileged (securityContext.privileged is true)", f.message());
        assertTrue(validate(pod("{}", false)).findings().stream().noneMatch(x -> x.rule().equals("privileged-container")));
    }

    @Test
    void annotationWithReasonSuppressesAndIsListed() {
        ValidationResult r = validate(pod("{dcforge.dev/ignore.privileged-container: \"CNI agent needs it\"}", true));
        assertTrue(r.findings().stream().noneMatch(x -> x.rule().equals("privileged-container")));
        assertEquals(1, r.suppressed().size());
        assertEquals("CNI agent needs it", r.suppressed().get(0).reason());
    }

    @Test
    void annotationWithoutReasonDoesNotSuppressAndIsAnError() {
        ValidationResult r = validate(pod("{dcforge.dev/ignore.privileged-container: \"\"}", true));
        assertTrue(r.findings().stream().anyMatch(x -> x.rule().equals("privileged-container")));
        assertTrue(r.findings().stream().anyMatch(x -> x.rule().equals("suppression-without-reason")));
    }

    @Test
    void failThresholdSelectsFindings() {
        ValidationResult r = validate(pod("{}", true));
        assertEquals(r.findings().size(), r.atOrAbove(Severity.INFO).size());
        assertTrue(r.atOrAbove(Severity.failThreshold("none")).isEmpty());
        assertEquals(Severity.WARNING, Severity.failThreshold("warning"));
    }
}
