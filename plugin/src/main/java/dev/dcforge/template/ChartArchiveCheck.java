package dev.dcforge.template;

import dev.dcforge.support.UserError;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Looks inside a chart .tgz before Helm reads it: every entry must be a plain file or folder under
 * one top folder, with no absolute path, no "..", and no links (zip-slip and link tricks).
 */
public final class ChartArchiveCheck {
    /** Largest uncompressed chart dcforge accepts; real charts are a few hundred KB. */
    public static final long MAX_UNCOMPRESSED_BYTES = 64L * 1024 * 1024;

    private ChartArchiveCheck() {
    }

    public static void check(Path archive) {
        String file = archive.toString();
        long total = 0;
        String top = null;
        try (InputStream in = Files.newInputStream(archive);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = entry.getName();
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw new UserError(file, 0, "archive entry '" + name + "' is a link",
                            "charts may contain only plain files; rebuild the archive without links");
                }
                if (name.startsWith("/") || name.matches("^[A-Za-z]:.*") || name.contains("\\")) {
                    throw new UserError(file, 0, "archive entry '" + name + "' has an absolute or Windows path",
                            "rebuild the archive with paths relative to the chart folder");
                }
                for (String part : name.split("/")) {
                    if (part.equals("..")) {
                        throw new UserError(file, 0, "archive entry '" + name + "' leaves the chart folder (..)",
                                "do not use this archive: it tries to write outside its folder");
                    }
                }
                if (!entry.isDirectory() && !entry.isFile()) {
                    throw new UserError(file, 0, "archive entry '" + name + "' is not a plain file",
                            "charts may contain only plain files and folders");
                }
                String first = name.split("/")[0];
                if (top == null) {
                    top = first;
                } else if (!top.equals(first)) {
                    throw new UserError(file, 0, "archive has more than one top folder ('" + top + "' and '" + first + "')",
                            "a chart archive holds exactly one chart folder");
                }
                total += entry.getSize();
                if (total > MAX_UNCOMPRESSED_BYTES) {
                    throw new UserError(file, 0, "archive unpacks to more than " + MAX_UNCOMPRESSED_BYTES + " bytes",
                            "this is not a normal chart; check where it came from");
                }
            }
        } catch (IOException e) {
            throw new UserError(file, 0, "not a readable chart archive (" + e.getMessage() + ")",
                    "give a .tgz written by helm package or dcforge");
        }
        if (top == null) {
            throw new UserError(file, 0, "archive is empty", "give a .tgz written by helm package or dcforge");
        }
    }
}
