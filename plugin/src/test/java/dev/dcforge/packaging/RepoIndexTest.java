package dev.dcforge.packaging;

import dev.dcforge.TestFiles;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;
import dev.dcforge.template.ChartStager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RepoIndexTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void writesTheIndexAsHelmRepoIndexDoes(@TempDir Path tmp) throws Exception {
        Path staged = new ChartStager().stage(TestFiles.resource("charts/demo"), tmp.resolve("staging"));
        Path repo = tmp.resolve("repo");
        Path archive = new ChartPackager(T).packageChart(staged, null, repo);
        new ChartPackager(T, "0.2.0-SNAPSHOT", null).packageChart(staged, null, repo);
        Path index = new RepoIndex(T, null).write(repo, null);
        String digest = RepoIndex.sha256(archive);
        String digest2 = RepoIndex.sha256(repo.resolve("demo-0.2.0-SNAPSHOT.tgz"));
        assertEquals("""
                apiVersion: v1
                entries:
                  demo:
                  - apiVersion: v2
                    appVersion: "1.0"
                    created: "2026-01-01T00:00:00Z"
                    description: A tiny chart for dcforge's integration tests
                    digest: %s
                    icon: https://example.com/icon.png
                    name: demo
                    urls:
                    - demo-0.2.0-SNAPSHOT.tgz
                    version: 0.2.0-SNAPSHOT
                  - apiVersion: v2
                    appVersion: "1.0"
                    created: "2026-01-01T00:00:00Z"
                    description: A tiny chart for dcforge's integration tests
                    digest: %s
                    icon: https://example.com/icon.png
                    name: demo
                    urls:
                    - demo-0.1.0.tgz
                    version: 0.1.0
                generated: "2026-01-01T00:00:00Z"
                """.formatted(digest2, digest), Files.readString(index));
        // the digest is the archive's sha256, as sha256sum prints it
        assertEquals(64, digest.length());
        // a YAML reader sees the same structure
        assertEquals("0.2.0-SNAPSHOT", Yaml.read(index).path("entries").path("demo").get(0).path("version").asText());
    }

    @Test
    void mergesAnExistingIndexAndUsesTheBaseUrl(@TempDir Path tmp) {
        Path staged = new ChartStager().stage(TestFiles.resource("charts/demo"), tmp.resolve("staging"));
        Path repo = tmp.resolve("repo");
        Path archive = new ChartPackager(T).packageChart(staged, null, repo);
        Path existing = TestFiles.write(tmp.resolve("published/index.yaml"), """
                apiVersion: v1
                entries:
                  demo:
                  - name: demo
                    version: 0.1.0
                    digest: old
                    urls: [https://old/demo-0.1.0.tgz]
                  - name: demo
                    version: 0.0.9
                    digest: keep
                    urls: [https://charts.example.com/demo-0.0.9.tgz]
                  other:
                  - name: other
                    version: 2.0.0
                    digest: other
                    urls: [https://charts.example.com/other-2.0.0.tgz]
                generated: "2025-01-01T00:00:00Z"
                """);
        Path index = new RepoIndex(T, "https://charts.example.com/").write(repo, existing);
        var root = Yaml.read(index);
        var demo = root.path("entries").path("demo");
        assertEquals(2, demo.size());
        assertEquals("0.1.0", demo.get(0).path("version").asText());
        assertEquals(RepoIndex.sha256(archive), demo.get(0).path("digest").asText(), "the built archive wins");
        assertEquals("https://charts.example.com/demo-0.1.0.tgz", demo.get(0).path("urls").get(0).asText());
        assertEquals("keep", demo.get(1).path("digest").asText(), "other versions are kept");
        assertEquals("other", root.path("entries").path("other").get(0).path("digest").asText(), "other charts are kept");
        assertEquals("2026-01-01T00:00:00Z", root.path("generated").asText());

        Path bad = TestFiles.write(tmp.resolve("bad.yaml"), "entries: []\n");
        UserError e = assertThrows(UserError.class, () -> new RepoIndex(T, null).write(repo, bad));
        assertTrue(e.getMessage().startsWith(bad + ":1: not a Helm repository index"), e.getMessage());
        Path broken = TestFiles.write(tmp.resolve("broken.yaml"), "apiVersion: v1\nentries:\n  a: [\n");
        UserError e2 = assertThrows(UserError.class, () -> new RepoIndex(T, null).write(repo, broken));
        assertTrue(e2.getMessage().startsWith(broken.toString() + ":"), e2.getMessage());
    }

    @Test
    void nestedMetadataIsLaidOutAsGoYamlDoes() throws Exception {
        var node = Yaml.json().readTree("""
                {"name": "x", "maintainers": [{"name": "Ops", "email": "ops@example.com"}],
                 "annotations": {"b": "2", "a": "one"}, "keywords": [], "dependencies": [{"name": "common",
                 "tags": ["t1"], "import-values": [{"child": "a", "parent": "b"}]}], "deprecated": false}""");
        assertEquals("""
                annotations:
                  a: one
                  b: "2"
                dependencies:
                - import-values:
                  - child: a
                    parent: b
                  name: common
                  tags:
                  - t1
                deprecated: false
                keywords: []
                maintainers:
                - email: ops@example.com
                  name: Ops
                name: x
                """, RepoIndex.toGoYaml(RepoIndex.sortKeys(node)));
    }

    @Test
    void goYamlQuotesWhatWouldNotReadAsAString() {
        assertEquals("\"1.0\"", GoYaml.string("1.0"));
        assertEquals("\"yes\"", GoYaml.string("yes"));
        assertEquals("\"\"", GoYaml.string(""));
        assertEquals("\"a: b\"", GoYaml.string("a: b"));
        assertEquals("\"- x\"", GoYaml.string("- x"));
        assertEquals("\"2026-01-01T00:00:00Z\"", GoYaml.string("2026-01-01T00:00:00Z"));
        assertEquals("\"line\\nnext\"", GoYaml.string("line\nnext"));
        assertEquals("1.2.3", GoYaml.string("1.2.3"));
        assertEquals("https://x/y", GoYaml.string("https://x/y"));
        assertEquals("2026-01-01T00:00:00.5Z", RepoIndex.goTime(Instant.parse("2026-01-01T00:00:00.500Z")));
    }
}
