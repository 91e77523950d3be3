package dev.dcforge.diff;

import dev.dcforge.TestFiles;
import dev.dcforge.model.OutputLayout;
import dev.dcforge.support.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real git repository: commit, change one override line, diff against HEAD. */
class PullRequestDiffTest {

    static void git(Path dir, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("git", "-c", "user.name=t", "-c", "user.email=t@example.com",
                "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
    }

    static Path project(Path tmp) throws IOException {
        Path project = tmp.resolve("repo/project");
        Path src = TestFiles.resource("charts/demo");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                TestFiles.write(project.resolve("charts/demo").resolve(src.relativize(f).toString()), Files.readString(f));
            }
        }
        TestFiles.write(project.resolve("overrides/stack.yaml"), "facts:\n  replicas: 1\nproducts: [demo]\nenvironments:\n  dev: {}\n  prod:\n    facts:\n      replicas: 3\n");
        TestFiles.write(project.resolve("overrides/demo.yaml.j2"), "replicaCount: {{ replicas }}\nimage:\n  tag: \"1.27-{{ environment }}\"\n");
        return project;
    }

    private static StackManifests.Sources sources(Path project) {
        return new StackManifests.Sources(project.resolve("charts"), project.resolve("overrides"), project.resolve("overrides/stack.yaml"));
    }

    @Test
    void aOneLineOverrideChangeShowsAsAChangedDeployment(@TempDir Path tmp) throws Exception {
        Path project = project(tmp);
        Path repo = tmp.resolve("repo");
        git(repo, "init", "-q");
        git(repo, "add", "-A");
        git(repo, "commit", "-q", "-m", "base");
        TestFiles.write(project.resolve("overrides/demo.yaml.j2"), "replicaCount: {{ replicas }}\nimage:\n  tag: \"1.28-{{ environment }}\"\n");

        OutputLayout layout = new OutputLayout(project.resolve("target/dcforge"));
        Path md = layout.root().resolve("diff.md");
        DiffReport report = new PullRequestDiff(project, layout, env -> "1.32.0", 3).run("HEAD", sources(project), md);
        String console = String.join("\n", report.console());
        assertTrue(report.hasChanges());
        assertEquals(2, report.count(ResourceChange.Type.CHANGED), console);
        assertEquals(0, report.count(ResourceChange.Type.ADDED) + report.count(ResourceChange.Type.REMOVED), console);
        assertTrue(console.contains("-        image: nginx:1.27-prod\n      +        image: nginx:1.28-prod")
                || console.contains("-          image: nginx:1.27-prod"), console);
        assertTrue(console.contains("prod/demo\n  ~ Deployment/demo (changed)"), console);
        assertTrue(Files.readString(md).startsWith("### dcforge diff against `HEAD ("), Files.readString(md));
        assertTrue(Files.isRegularFile(layout.diffDir("base").resolve("src/project/overrides/demo.yaml.j2")), "the base was exported");

        // the base as a folder of rendered manifests: the same result
        DiffReport fromFolder = new PullRequestDiff(project, layout, env -> "1.32.0", 3)
                .run("target/dcforge/diff-base/out/manifests", sources(project), md);
        assertEquals(report.console().subList(1, report.console().size()), fromFolder.console().subList(1, fromFolder.console().size()));

        // back to the committed override: nothing changes
        git(repo, "checkout", "-q", "--", ".");
        DiffReport none = new PullRequestDiff(project, layout, env -> "1.32.0", 3).run("HEAD", sources(project), md);
        assertFalse(none.hasChanges(), String.join("\n", none.console()));
    }

    @Test
    void unknownRefAndNoRepositoryAreUserErrors(@TempDir Path tmp) throws Exception {
        Path project = project(tmp);
        OutputLayout layout = new OutputLayout(project.resolve("target/dcforge"));
        UserError notRepo = assertThrows(UserError.class, () -> new PullRequestDiff(project, layout, env -> "1.32.0", 3)
                .run("HEAD", sources(project), layout.root().resolve("diff.md")));
        assertTrue(notRepo.getMessage().contains("git rev-parse --show-toplevel failed"), notRepo.getMessage());
        git(tmp.resolve("repo"), "init", "-q");
        git(tmp.resolve("repo"), "add", "-A");
        git(tmp.resolve("repo"), "commit", "-q", "-m", "base");
        UserError badRef = assertThrows(UserError.class, () -> new PullRequestDiff(project, layout, env -> "1.32.0", 3)
                .run("no-such-branch", sources(project), layout.root().resolve("diff.md")));
        assertTrue(badRef.getMessage().startsWith("dcforge.diff.base: 'no-such-branch' is not a commit"), badRef.getMessage());
        Files.createDirectories(project.resolve("empty"));
        UserError empty = assertThrows(UserError.class, () -> new PullRequestDiff(project, layout, env -> "1.32.0", 3)
                .run("empty", sources(project), layout.root().resolve("diff.md")));
        assertTrue(empty.getMessage().startsWith(project.resolve("empty") + ": no manifests laid out as <environment>/<chart>.yaml"),
                empty.getMessage());
    }
}
