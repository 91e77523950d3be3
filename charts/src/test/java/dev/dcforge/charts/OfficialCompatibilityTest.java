package dev.dcforge.charts;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The official chart's own test values render on our charts and give the same container ports, env
 * var names, volume mount paths and probe paths as the official rendered output, except the rows of
 * the "Intended differences" table in the chart README (read from there so list and test cannot drift).
 */
class OfficialCompatibilityTest {

    static final String OFFICIAL = "fixtures/atlassian-official-chart-2.0.9";
    private static final Pattern DIFF_ROW = Pattern.compile("^\\|\\s*(container|port|env|mount|probe)\\s*\\|\\s*([^|]+?)\\s*\\|\\s*([^|]+?)\\s*\\|.*$");

    /** ../shared of the workspace: -Ddcforge.sharedDir, else ../../shared relative to the charts module. */
    static Path sharedDir() {
        String configured = System.getProperty("dcforge.sharedDir");
        return (configured != null ? Path.of(configured) : ChartSupport.chartsDir().resolve("../../shared")).toAbsolutePath().normalize();
    }

    record Item(String kind, String where, String item) implements Comparable<Item> {
        @Override
        public int compareTo(Item o) {
            return toString().compareTo(o.toString());
        }

        @Override
        public String toString() {
            return kind + " " + where + " " + item;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"confluence", "jira"})
    void officialTestValuesRenderWithTheSameContainerContract(String chart) {
        Path dir = sharedDir().resolve(OFFICIAL).resolve(chart);
        Assumptions.assumeTrue(Files.isRegularFile(dir.resolve("values.yaml")) && Files.isRegularFile(dir.resolve("output.yaml")),
                "SKIPPED: compatibility with the official chart not checked because " + dir
                        + " is absent (../shared/fixtures exists only inside the dcforge workspace; set -Ddcforge.sharedDir)");

        Set<Item> official = contract(ChartSupport.parse(ChartSupport.read(dir.resolve("output.yaml"))));
        Set<Item> ours = contract(ChartSupport.parse(ChartSupport.render(chart, dir.resolve("values.yaml"))));
        assertFalse(official.isEmpty(), "parsed nothing from the official output");

        List<Item> allowed = intendedDifferences(chart);
        Set<Item> unexplained = new TreeSet<>();
        Set<Item> used = new TreeSet<>();
        for (Item i : symmetricDifference(official, ours)) {
            Item allowing = allowed.stream().filter(a -> covers(a, i)).findFirst().orElse(null);
            if (allowing == null) {
                unexplained.add(i);
            } else {
                used.add(allowing);
            }
        }
        assertTrue(unexplained.isEmpty(), chart + ": differences from the official output not listed in " + chart
                + "/README.md (only in official or only in ours): " + unexplained);
        List<Item> stale = allowed.stream().filter(a -> !used.contains(a)).toList();
        assertTrue(stale.isEmpty(), chart + "/README.md lists differences that no longer exist: " + stale);
    }

    private static boolean covers(Item allowed, Item actual) {
        if (!allowed.where().equals(actual.where())) {
            return false;
        }
        if (allowed.kind().equals("container") && allowed.item().equals("*")) {
            return true;
        }
        return allowed.kind().equals(actual.kind()) && allowed.item().equals(actual.item());
    }

    private static Set<Item> symmetricDifference(Set<Item> a, Set<Item> b) {
        Set<Item> out = new TreeSet<>();
        a.stream().filter(i -> !b.contains(i)).forEach(out::add);
        b.stream().filter(i -> !a.contains(i)).forEach(out::add);
        return out;
    }

    /** Ports, env names, mount paths and probe paths of every container of every workload. */
    static Set<Item> contract(List<JsonNode> docs) {
        Set<Item> items = new TreeSet<>();
        for (JsonNode d : docs) {
            String kind = d.path("kind").asText();
            if (!Set.of("StatefulSet", "Deployment", "DaemonSet").contains(kind)) {
                continue;
            }
            String app = d.path("spec").path("template").path("metadata").path("labels").path("app.kubernetes.io/name").asText();
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode c : d.path("spec").path("template").path("spec").path(list)) {
                    String where = app + "/" + c.path("name").asText();
                    items.add(new Item("container", where, "*"));
                    c.path("ports").forEach(p -> items.add(new Item("port", where, p.path("containerPort").asText())));
                    ChartSupport.envNames(c).forEach(n -> items.add(new Item("env", where, n)));
                    ChartSupport.mountPaths(c).forEach(m -> items.add(new Item("mount", where, m)));
                    for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                        JsonNode path = c.path(probe).path("httpGet").path("path");
                        if (!path.isMissingNode()) {
                            items.add(new Item("probe", where, probe + " " + path.asText()));
                        }
                    }
                }
            }
        }
        return items;
    }

    /** Rows of the table between <!-- differences:start --> and <!-- differences:end --> in the chart README. */
    static List<Item> intendedDifferences(String chart) {
        String readme = ChartSupport.read(ChartSupport.chartsDir().resolve(chart).resolve("README.md"));
        int start = readme.indexOf("<!-- differences:start -->");
        int end = readme.indexOf("<!-- differences:end -->");
        assertTrue(start >= 0 && end > start, chart + "/README.md needs a differences:start/end section");
        List<Item> items = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            Matcher m = DIFF_ROW.matcher(line.strip());
            if (m.matches()) {
                items.add(new Item(m.group(1), m.group(2), m.group(3)));
            }
        }
        // An empty table must be stated, so a table that merely failed to parse never passes as "no differences".
        assertFalse(items.isEmpty() && !readme.substring(start, end).contains("No intended differences"),
                "no rows in the differences table of " + chart + "/README.md");
        return items;
    }
}
