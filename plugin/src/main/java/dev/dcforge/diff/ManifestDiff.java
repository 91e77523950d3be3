package dev.dcforge.diff;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import dev.dcforge.model.ChartTarget;
import dev.dcforge.model.ManifestObject;
import dev.dcforge.support.Yaml;
import dev.dcforge.validate.ManifestParser;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares the rendered manifests of two builds object by object: per environment and chart, which
 * objects (identified by API group, kind, namespace and name, so an apiVersion bump is a change, not a
 * replacement) were added, removed or changed, with a unified diff of each changed object's YAML.
 */
public final class ManifestDiff {
    private final int context;

    public ManifestDiff(int context) {
        this.context = context;
    }

    /** The result for one environment/chart; {@code changes} empty when nothing differs. */
    public record TargetDiff(ChartTarget target, List<ResourceChange> changes) {
    }

    /**
     * @param base manifest files of the base, by environment/chart (a missing target: none at the base)
     * @param head manifest files of the working tree
     */
    public List<TargetDiff> compare(Map<ChartTarget, Path> base, Map<ChartTarget, Path> head) {
        TreeSet<ChartTarget> targets = new TreeSet<>(base.keySet());
        targets.addAll(head.keySet());
        List<TargetDiff> out = new ArrayList<>();
        for (ChartTarget target : targets) {
            out.add(new TargetDiff(target, compare(target, objects(target, base.get(target)), objects(target, head.get(target)))));
        }
        return out;
    }

    List<ResourceChange> compare(ChartTarget target, Map<String, ObjectNode> base, Map<String, ObjectNode> head) {
        List<ResourceChange> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(base.keySet());
        keys.addAll(head.keySet());
        for (String key : keys) {
            ObjectNode b = base.get(key);
            ObjectNode h = head.get(key);
            if (b == null) {
                changes.add(new ResourceChange(ResourceChange.Type.ADDED, ref(h), List.of()));
            } else if (h == null) {
                changes.add(new ResourceChange(ResourceChange.Type.REMOVED, ref(b), List.of()));
            } else if (!b.equals(h)) {
                String bt = Yaml.write(SecretMasker.tokenize(b));
                String ht = Yaml.write(SecretMasker.tokenize(h));
                List<String> bl = SecretMasker.resolve(bt, ht, false).lines().toList();
                List<String> hl = SecretMasker.resolve(ht, bt, true).lines().toList();
                Patch<String> patch = DiffUtils.diff(bl, hl);
                String name = target + "/" + ref(h);
                changes.add(new ResourceChange(ResourceChange.Type.CHANGED, ref(h),
                        UnifiedDiffUtils.generateUnifiedDiff("base/" + name, "head/" + name, bl, patch, context)));
            }
        }
        return changes;
    }

    private static Map<String, ObjectNode> objects(ChartTarget target, Path manifest) {
        Map<String, ObjectNode> objects = new TreeMap<>();
        if (manifest == null) {
            return objects;
        }
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (ManifestObject o : new ManifestParser().parse(target, manifest)) {
            String key = key(o.json());
            int n = seen.merge(key, 1, Integer::sum);
            objects.put(n == 1 ? key : key + "#" + n, o.json());
        }
        return objects;
    }

    /** group/Kind/namespace/name: apiVersion's version is left out so that a version bump shows as a change. */
    static String key(ObjectNode o) {
        String apiVersion = o.path("apiVersion").asText("");
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return group + "/" + o.path("kind").asText("") + "/" + o.path("metadata").path("namespace").asText("")
                + "/" + o.path("metadata").path("name").asText("");
    }

    static String ref(ObjectNode o) {
        String ns = o.path("metadata").path("namespace").asText("");
        return o.path("kind").asText("?") + "/" + (ns.isEmpty() ? "" : ns + "/") + o.path("metadata").path("name").asText("?");
    }
}
