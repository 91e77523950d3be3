package dev.dcforge.packaging;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tar.gz whose bytes depend only on its entries: sorted names, one fixed timestamp, owner 0:0,
 * fixed modes, and a gzip header without time or file name.
 */
public final class ReproducibleTgz {
    private final Map<String, byte[]> entries = new TreeMap<>();
    private final Instant timestamp;

    public ReproducibleTgz(Instant timestamp) {
        this.timestamp = timestamp;
    }

    public ReproducibleTgz add(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    public ReproducibleTgz add(String name, String content) {
        return add(name, content.getBytes(StandardCharsets.UTF_8));
    }

    public Map<String, byte[]> entries() {
        return entries;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(255); // "unknown": the same on every machine
        try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(bytes, gzip);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey(), true);
                entry.setSize(e.getValue().length);
                entry.setModTime(timestamp.toEpochMilli());
                entry.setMode(0100644);
                entry.setUserId(0);
                entry.setGroupId(0);
                entry.setUserName("");
                entry.setGroupName("");
                tar.putArchiveEntry(entry);
                tar.write(e.getValue());
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build archive", e);
        }
        return bytes.toByteArray();
    }
}
