package dev.dcforge.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/** A chart repository folder (charts/, overrides/, target/) built by the dcforge goals in process. */
public final class Builds {
    static final String[] GOALS = {"render", "template", "validate", "package"};

    private Builds() {
    }

    /** Copies charts/ and overrides/ (when present) of {@code source} into a new project folder. */
    static Path copyProject(Path chartsDir, Path overridesDir, Path projectDir) {
        copyTree(chartsDir, projectDir.resolve("charts"), true);
        if (Files.isDirectory(overridesDir)) {
            copyTree(overridesDir, projectDir.resolve("overrides"), false);
        }
        return projectDir;
    }

    /** Copies a folder, leaving out Maven build folders ({@code target/}) and, for charts, test sources. */
    static void copyTree(Path from, Path to, boolean charts) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.sorted().toList()) {
                Path rel = from.relativize(file);
                String first = rel.getNameCount() > 0 ? rel.getName(0).toString() : "";
                if (first.equals("target") || (charts && (first.equals("src") || first.equals("pom.xml")))) {
                    continue;
                }
                Path dest = to.resolve(rel.toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(dest);
                } else {
                    Files.createDirectories(dest.getParent());
                    Files.copy(file, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** render, template, validate, package on the project; returns the wall time in nanoseconds. */
    static long build(MojoRunner runner, Path projectDir, Map<String, String> overrides) throws Exception {
        long start = System.nanoTime();
        runner.run(projectDir, projectDir.resolve("target"), overrides, new MojoRunner.QuietLog(), GOALS);
        return System.nanoTime() - start;
    }

    /** Parameters every benchmark build uses: findings do not stop the build (all the work is done either way). */
    static Map<String, String> params() {
        return Map.of("failOn", "none");
    }
}
