package dev.dcforge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test resources and scratch files. */
public final class TestFiles {
    private TestFiles() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /**
     * A folder under ../shared/fixtures, or null when absent (a fresh clone outside this workspace).
     * Looks at {@code dcforge.sharedDir} (set by surefire), then at shared/ beside every parent folder,
     * because a git worktree sits deeper than the main checkout.
     */
    public static Path sharedFixture(String relative) {
        java.util.List<Path> candidates = new java.util.ArrayList<>();
        String shared = System.getProperty("dcforge.sharedDir");
        if (shared != null) {
            candidates.add(Path.of(shared));
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            candidates.add(p.resolve("shared"));
        }
        return candidates.stream().map(c -> c.resolve("fixtures").resolve(relative)).filter(Files::isDirectory).findFirst().orElse(null);
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
