package dev.dcforge.diff;

import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.UserError;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The tree of a git ref, exported with {@code git archive} (no checkout, the working tree untouched)
 * into a folder, and the mapping of the project's paths into that copy.
 */
public final class GitBase {
    private final Path workTree;
    private final Path repoRoot;

    /** @param projectDir a folder inside a git working tree */
    public GitBase(Path projectDir) {
        this.workTree = projectDir.toAbsolutePath().normalize();
        String top = git(workTree, "rev-parse", "--show-toplevel").strip();
        this.repoRoot = Path.of(top).toAbsolutePath().normalize();
    }

    public Path repoRoot() {
        return repoRoot;
    }

    /** Exports {@code ref} into {@code into} (emptied first); returns the commit id. */
    public String export(String ref, Path into) {
        String commit;
        try {
            commit = git(workTree, "rev-parse", "--verify", "--quiet", ref + "^{commit}").strip();
        } catch (UserError e) {
            throw new UserError("dcforge.diff.base", 0, "'" + ref + "' is not a commit of the git repository " + repoRoot,
                    "give a branch, tag or commit (for example origin/main or HEAD~1), or a folder of rendered manifests");
        }
        AtomicFiles.deleteTree(into);
        Process p = start(repoRoot, "archive", "--format=tar", commit);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        try (TarArchiveInputStream tar = new TarArchiveInputStream(p.getInputStream())) {
            Path root = into.toAbsolutePath().normalize();
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                Path dest = root.resolve(e.getName()).normalize();
                if (!dest.startsWith(root)) {
                    throw new UserError(e.getName(), 0, "git archive entry leaves the export folder", "check the repository");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(dest);
                } else if (e.isFile()) {
                    Files.createDirectories(dest.getParent());
                    Files.copy(tar, dest, StandardCopyOption.REPLACE_EXISTING);
                }
                // symbolic links are not exported: charts may not contain them (the stager refuses them)
            }
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new UserError(repoRoot.toString(), 0, "git archive " + ref + " failed: " + err.join().strip(),
                        "check the ref and the repository");
            }
        } catch (IOException e) {
            throw new UserError(into.toString(), 0, "cannot export " + ref + ": " + e.getMessage(), "check disk space and permissions");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(repoRoot.toString(), 0, "interrupted while exporting " + ref, "run the build again");
        }
        return commit;
    }

    /** Where a path of the working tree is in an export of the repository. */
    public Path inExport(Path workTreePath, Path export, String what) {
        Path abs = workTreePath.toAbsolutePath().normalize();
        if (!abs.startsWith(repoRoot)) {
            throw new UserError(workTreePath.toString(), 0, what + " is outside the git repository " + repoRoot
                    + ", so its base version is unknown", "keep charts, overrides and the stack file in the repository, or diff against a folder of manifests");
        }
        return export.resolve(repoRoot.relativize(abs).toString());
    }

    private static String git(Path dir, String... args) {
        Process p = start(dir, args);
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        String out = readAll(p.getInputStream());
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new UserError(dir.toString(), 0, "git " + String.join(" ", args) + " failed: " + err.join().strip(),
                        "run dcforge:diff inside a git working tree, or set dcforge.diff.base to a folder of rendered manifests");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError(dir.toString(), 0, "interrupted while running git", "run the build again");
        }
        return out;
    }

    private static Process start(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        try {
            return new ProcessBuilder(command).directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new UserError(dir.toString(), 0, "cannot run git: " + e.getMessage(),
                    "install git and put it on the PATH, or set dcforge.diff.base to a folder of rendered manifests");
        }
    }

    private static String readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
