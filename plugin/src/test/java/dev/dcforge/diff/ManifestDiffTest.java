package dev.dcforge.diff;

import dev.dcforge.TestFiles;
import dev.dcforge.model.ChartTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ManifestDiffTest {
    private static final ChartTarget PROD = new ChartTarget("prod", "jira");

    private static final String BASE = """
            ---
            # Source: jira/templates/secret.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: jira-db
            data:
              password: b2xkLXBhc3N3b3Jk
              username: amlyYQ==
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: gone
            data:
              a: "1"
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: jira
            spec:
              replicas: 1
              template:
                spec:
                  containers:
                    - name: jira
                      image: atlassian/jira-software:10.3.1
                      env:
                        - name: ATL_JDBC_PASSWORD
                          value: old-jdbc-secret
                        - name: JVM_MAXIMUM_MEMORY
                          value: 2g
            """;
    private static final String HEAD = """
            ---
            # Source: jira/templates/secret.yaml
            apiVersion: v1
            kind: Secret
            metadata:
              name: jira-db
            data:
              password: bmV3LXBhc3N3b3Jk
              username: amlyYQ==
            ---
            apiVersion: v1
            kind: Service
            metadata:
              name: jira
            spec:
              ports:
                - port: 80
            ---
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: jira
            spec:
              replicas: 3
              template:
                spec:
                  containers:
                    - name: jira
                      image: atlassian/jira-software:10.3.1
                      env:
                        - name: ATL_JDBC_PASSWORD
                          value: new-jdbc-secret
                        - name: JVM_MAXIMUM_MEMORY
                          value: 4g
            """;

    @Test
    void listsAddedRemovedAndChangedObjectsWithMaskedSecrets(@TempDir Path tmp) {
        Path base = TestFiles.write(tmp.resolve("base.yaml"), BASE);
        Path head = TestFiles.write(tmp.resolve("head.yaml"), HEAD);
        List<ManifestDiff.TargetDiff> diff = new ManifestDiff(3).compare(Map.of(PROD, base), Map.of(PROD, head));
        assertEquals(1, diff.size());
        List<ResourceChange> changes = diff.get(0).changes();
        assertEquals(List.of("REMOVED ConfigMap/gone", "CHANGED Secret/jira-db", "ADDED Service/jira", "CHANGED StatefulSet/jira"),
                changes.stream().map(c -> c.kind() + " " + c.ref()).toList());

        String secretDiff = String.join("\n", changes.get(1).unified());
        assertTrue(secretDiff.contains("-  password: '******'\n+  password: '****** (changed)'\n"), secretDiff);
        assertTrue(secretDiff.contains("\n   username: '******'"), "unchanged secret values are masked too: " + secretDiff);

        String sts = String.join("\n", changes.get(3).unified());
        assertTrue(sts.startsWith("--- base/prod/jira/StatefulSet/jira\n+++ head/prod/jira/StatefulSet/jira\n@@"), sts);
        assertTrue(sts.contains("-  replicas: 1\n+  replicas: 3"), sts);
        assertTrue(sts.contains("-              value: '******'\n+              value: '****** (changed)'\n"), sts);
        assertTrue(sts.contains("-              value: 2g\n+              value: 4g"), sts);

        DiffReport report = new DiffReport("HEAD", diff);
        String console = String.join("\n", report.console());
        String markdown = report.markdown();
        for (String text : List.of(console, markdown)) {
            for (String secret : List.of("b2xkLXBhc3N3b3Jk", "bmV3LXBhc3N3b3Jk", "old-jdbc-secret", "new-jdbc-secret", "@@dcforge")) {
                assertFalse(text.contains(secret), secret + " leaked:\n" + text);
            }
        }
        assertTrue(console.startsWith("dcforge diff: 2 changed, 1 added, 1 removed resource(s) in 1 of 1 environment/chart(s) against HEAD"), console);
        assertTrue(console.contains("\n  ~ StatefulSet/jira (changed)\n"), console);
        assertTrue(markdown.contains("| `prod/jira` | 2 | 1 | 1 |"), markdown);
        assertTrue(markdown.contains("```diff\n--- base/prod/jira/StatefulSet/jira"), markdown);
        assertTrue(report.hasChanges());
    }

    @Test
    void unchangedManifestsAndWholeTargets(@TempDir Path tmp) {
        Path base = TestFiles.write(tmp.resolve("base.yaml"), BASE);
        Path same = TestFiles.write(tmp.resolve("same.yaml"), "# a comment and other formatting\n" + BASE.replace("amlyYQ==", "\"amlyYQ==\""));
        ChartTarget dev = new ChartTarget("dev", "jira");
        List<ManifestDiff.TargetDiff> diff = new ManifestDiff(3).compare(Map.of(PROD, base), Map.of(PROD, same, dev, base));
        assertEquals(List.of(), diff.stream().filter(t -> t.target().equals(PROD)).findFirst().orElseThrow().changes());
        assertEquals(3, diff.stream().filter(t -> t.target().equals(dev)).findFirst().orElseThrow().changes().size(), "a new environment adds all");
        DiffReport none = new DiffReport("main", new ManifestDiff(3).compare(Map.of(PROD, base), Map.of(PROD, same)));
        assertFalse(none.hasChanges());
        assertTrue(none.markdown().contains("No changes to rendered resources (1 environment/chart(s) compared)"), none.markdown());
    }
}
