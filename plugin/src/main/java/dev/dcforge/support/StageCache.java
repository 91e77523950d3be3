package dev.dcforge.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.stream.Stream;

/**
 * Incremental builds: a stage skips its work when its inputs (file contents, parameters, the plugin
 * itself, the runs of the stages before it) and its outputs are what they were after its last
 * successful run. The fingerprint lives in {@code <output>/.state/<stage>.json}; it is removed when a
 * stage starts and written only after it succeeded, so a failed or interrupted run never counts.
 * Each successful run gets a new run id that later stages include in their inputs: when a stage
 * re-runs, everything after it re-runs too.
 *
 * <pre>
 * StageCache cache = new StageCache(stateDir, "template", enabled)
 *     .after("render").param("kubeVersion", v).inputs(chartsDir).outputs(manifestsDir);
 * if (cache.upToDate()) { log "up to date"; return; }
 * cache.started(); ...work...; cache.succeeded(List.of());
 * </pre>
 * The check itself is cheap on purpose (a properties file, no JSON library, the plugin jar's entry
 * checksums rather than its bytes): a no-op rebuild costs a small fraction of a full one.
 */
public final class StageCache {
    private static volatile String pluginFingerprint;

    private final Path stateDir;
    private final String stage;
    private final boolean enabled;
    private final Map<String, String> params = new TreeMap<>();
    private final List<Path> inputs = new ArrayList<>();
    private final List<Path> outputs = new ArrayList<>();
    private final List<Path> excluded = new ArrayList<>();
    private String inputHash;

    public StageCache(Path stateDir, String stage, boolean enabled) {
        this.stateDir = stateDir;
        this.stage = stage;
        this.enabled = enabled;
        param("plugin", pluginFingerprint());
    }

    public StageCache param(String name, Object value) {
        params.put(name, String.valueOf(value));
        return this;
    }

    /** The last successful runs of these stages are inputs: when one re-ran, this stage re-runs. */
    public StageCache after(String... stages) {
        for (String s : stages) {
            param("after:" + s, readState(s).getProperty("runId", "none"));
        }
        return this;
    }

    /** Files or folders (read recursively) whose contents are inputs; missing ones count as absent. */
    public StageCache inputs(Path... paths) {
        inputs.addAll(List.of(paths));
        return this;
    }

    /** Files or folders the stage writes; a change to them (deleted, edited) makes the stage run again. */
    public StageCache outputs(Path... paths) {
        outputs.addAll(List.of(paths));
        return this;
    }

    /** Folders never read as inputs (the build output inside a charts folder that is the project folder). */
    public StageCache exclude(Path... paths) {
        for (Path p : paths) {
            excluded.add(p.toAbsolutePath().normalize());
        }
        return this;
    }

    /** True when the last successful run had the same inputs and left the outputs as they are now. */
    public boolean upToDate() {
        if (!enabled) {
            return false;
        }
        Properties state = readState(stage);
        return inputHash().equals(state.getProperty("inputs")) && hashFiles(outputs).equals(state.getProperty("outputs"));
    }

    /** Lines of data the last successful run stored (for example the archives to attach). */
    public List<String> data() {
        Properties state = readState(stage);
        List<String> lines = new ArrayList<>();
        for (int i = 0; state.containsKey("data." + i); i++) {
            lines.add(state.getProperty("data." + i));
        }
        return lines;
    }

    /** Call before the stage writes anything: forgets the previous success. */
    public void started() {
        AtomicFiles.delete(stateFile(stage));
        AtomicFiles.delete(upToDateFile(stage));
    }

    /** Records the success with lines of data for {@link #data()}. */
    public void succeeded(List<String> data) {
        Properties state = new Properties();
        state.setProperty("stage", stage);
        state.setProperty("inputs", inputHash());
        state.setProperty("outputs", hashFiles(outputs));
        state.setProperty("runId", UUID.randomUUID().toString());
        for (int i = 0; data != null && i < data.size(); i++) {
            state.setProperty("data." + i, data.get(i));
        }
        StringWriter text = new StringWriter();
        try {
            state.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Properties.store writes the date in a comment: drop it, the file describes the run, not the time
        AtomicFiles.write(stateFile(stage), text.toString().replaceFirst("^#.*\\R", ""));
    }

    /** Notes that the stage was found up to date and how long the check took. */
    public void markUpToDate(long millis) {
        AtomicFiles.write(upToDateFile(stage), Long.toString(millis));
    }

    /** The check time of a stage found up to date since it last ran, or -1. */
    public static long upToDateMillis(Path stateDir, String stage) {
        try {
            Path file = stateDir.resolve(stage + ".uptodate");
            return Files.isRegularFile(file) ? Long.parseLong(Files.readString(file).strip()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private String inputHash() {
        if (inputHash == null) {
            MessageDigest md = sha256();
            params.forEach((k, v) -> update(md, "param " + k + "=" + v));
            update(md, "files " + hashFiles(inputs));
            inputHash = HexFormat.of().formatHex(md.digest());
        }
        return inputHash;
    }

    private Path stateFile(String name) {
        return stateDir.resolve(name + ".properties");
    }

    private Path upToDateFile(String name) {
        return stateDir.resolve(name + ".uptodate");
    }

    private Properties readState(String name) {
        Properties state = new Properties();
        Path file = stateFile(name);
        if (Files.isRegularFile(file)) {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                state.load(in);
            } catch (IOException | IllegalArgumentException e) {
                state.clear(); // a damaged state file only costs a re-run
            }
        }
        return state;
    }

    private String hashFiles(List<Path> roots) {
        MessageDigest md = sha256();
        for (Path root : roots) {
            update(md, "root " + root.toAbsolutePath().normalize());
            if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
                update(md, "absent");
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root)) {
                files = walk.filter(p -> !isExcluded(p)).filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
            for (Path f : files) {
                update(md, "file " + root.relativize(f).toString().replace('\\', '/'));
                try (InputStream in = Files.newInputStream(f)) {
                    byte[] buf = new byte[65536];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        md.update(buf, 0, n);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + f, e);
                }
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private boolean isExcluded(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        for (Path part : abs) {
            String n = part.toString();
            if (n.equals(".git") || n.equals(".state")) {
                return true;
            }
        }
        return excluded.stream().anyMatch(abs::startsWith);
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Hash of the plugin's own code (its jar, or its classes folder in tests): a new plugin build invalidates every stage. */
    static String pluginFingerprint() {
        if (pluginFingerprint == null) {
            String value = "unknown";
            try {
                CodeSource source = StageCache.class.getProtectionDomain().getCodeSource();
                if (source != null && source.getLocation() != null) {
                    Path location = Path.of(source.getLocation().toURI());
                    value = Files.isRegularFile(location) ? jarFingerprint(location)
                            : new StageCache(null, "plugin", false, true).hashFiles(List.of(location));
                }
            } catch (URISyntaxException | RuntimeException e) {
                value = "unknown:" + e.getClass().getSimpleName();
            }
            pluginFingerprint = value;
        }
        return pluginFingerprint;
    }

    /** Names, sizes and CRC-32s of a jar's entries, read from its central directory only. */
    private static String jarFingerprint(Path jar) {
        MessageDigest md = sha256();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                ZipEntry e = entries.nextElement();
                update(md, e.getName() + " " + e.getSize() + " " + e.getCrc());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private StageCache(Path stateDir, String stage, boolean enabled, boolean probe) {
        this.stateDir = stateDir;
        this.stage = stage;
        this.enabled = enabled;
    }
}
