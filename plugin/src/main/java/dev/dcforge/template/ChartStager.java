package dev.dcforge.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dcforge.support.AtomicFiles;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies a chart into the build folder the way Helm would package it: .helmignore applied, local
 * ({@code file://}) dependencies vendored into {@code charts/}, symlinks refused. What is templated,
 * validated and packaged is this staged copy, so the three always see the same chart.
 */
public final class ChartStager {

    /** @return the staged chart folder, {@code stagingRoot/<chart folder name>} */
    public Path stage(Path chartDir, Path stagingRoot) {
        HelmTemplater.requireChart(chartDir);
        Path staged = stagingRoot.resolve(chartDir.getFileName().toString());
        AtomicFiles.deleteTree(staged);
        copyChart(chartDir, staged);
        return staged;
    }

    private void copyChart(Path chartDir, Path target) {
        Path chartYamlFile = chartDir.resolve("Chart.yaml");
        ObjectNode chartYaml = Yaml.readObject(chartYamlFile, "Chart.yaml");
        if (chartYaml.path("name").asText("").isBlank() || chartYaml.path("version").asText("").isBlank()) {
            throw new UserError(chartYamlFile.toString(), 1, "Chart.yaml needs a name and a version",
                    "add 'name:' and 'version:' (SemVer) to Chart.yaml");
        }
        List<PathMatcher> ignored = helmIgnore(chartDir);
        try (Stream<Path> files = Files.walk(chartDir)) {
            for (Path file : files.sorted().toList()) {
                Path rel = chartDir.relativize(file);
                if (file.equals(chartDir) || isIgnored(rel, ignored)) {
                    continue;
                }
                if (Files.isSymbolicLink(file)) {
                    throw new UserError(file.toString(), 0, "symbolic links are not allowed in a chart",
                            "replace the link with the file it points to");
                }
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    Path dest = target.resolve(rel.toString());
                    Files.createDirectories(dest.getParent());
                    Files.copy(file, dest);
                }
            }
        } catch (IOException e) {
            throw new UserError(chartDir.toString(), 0, "cannot read chart: " + e.getMessage(), "check permissions");
        }
        for (JsonNode dep : chartYaml.path("dependencies")) {
            String repo = dep.path("repository").asText("");
            if (repo.startsWith("file://")) {
                Path depDir = chartDir.resolve(repo.substring("file://".length())).normalize();
                if (!Files.isRegularFile(depDir.resolve("Chart.yaml"))) {
                    throw new UserError(chartYamlFile.toString(), 0,
                            "dependency " + dep.path("name").asText() + " points at " + depDir + ", which has no Chart.yaml",
                            "fix the dependency's repository path");
                }
                copyChart(depDir, target.resolve("charts").resolve(dep.path("name").asText()));
            }
        }
    }

    private static boolean isIgnored(Path rel, List<PathMatcher> ignored) {
        // charts/*.tgz and Chart.lock are what 'helm dependency update' writes; local dependencies are vendored instead
        if (rel.getNameCount() >= 2 && rel.getName(0).toString().equals("charts") && rel.toString().endsWith(".tgz")) {
            return true;
        }
        if (rel.toString().equals("Chart.lock")) {
            return true;
        }
        for (PathMatcher m : ignored) {
            for (int i = 1; i <= rel.getNameCount(); i++) {
                if (m.matches(rel.subpath(0, i)) || m.matches(rel.getName(i - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** .helmignore as glob patterns (the common subset: names, globs, a trailing '/' for folders). */
    private static List<PathMatcher> helmIgnore(Path chartDir) {
        List<PathMatcher> matchers = new ArrayList<>();
        Path file = chartDir.resolve(".helmignore");
        if (Files.isRegularFile(file)) {
            for (String line : Yaml.readText(file).split("\n")) {
                String pattern = line.strip();
                if (pattern.isEmpty() || pattern.startsWith("#") || pattern.startsWith("!")) {
                    continue;
                }
                if (pattern.endsWith("/")) {
                    pattern = pattern.substring(0, pattern.length() - 1);
                }
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + pattern));
            }
        }
        return matchers;
    }
}
