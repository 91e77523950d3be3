package dev.dcforge.diff;

import java.util.ArrayList;
import java.util.List;

/** The diff as console lines and as a Markdown pull-request comment. */
public final class DiffReport {
    private final String baseLabel;
    private final List<ManifestDiff.TargetDiff> targets;

    public DiffReport(String baseLabel, List<ManifestDiff.TargetDiff> targets) {
        this.baseLabel = baseLabel;
        this.targets = targets;
    }

    public boolean hasChanges() {
        return targets.stream().anyMatch(t -> !t.changes().isEmpty());
    }

    public long count(ResourceChange.Type type) {
        return targets.stream().flatMap(t -> t.changes().stream()).filter(c -> c.kind() == type).count();
    }

    public String headline() {
        long changedTargets = targets.stream().filter(t -> !t.changes().isEmpty()).count();
        if (changedTargets == 0) {
            return "no changes to rendered resources against " + baseLabel + " (" + targets.size() + " environment/chart(s) compared)";
        }
        return count(ResourceChange.Type.CHANGED) + " changed, " + count(ResourceChange.Type.ADDED) + " added, "
                + count(ResourceChange.Type.REMOVED) + " removed resource(s) in " + changedTargets + " of " + targets.size()
                + " environment/chart(s) against " + baseLabel;
    }

    public List<String> console() {
        List<String> lines = new ArrayList<>();
        lines.add("dcforge diff: " + headline());
        for (ManifestDiff.TargetDiff t : targets) {
            if (t.changes().isEmpty()) {
                continue;
            }
            lines.add(t.target().toString());
            for (ResourceChange c : t.changes()) {
                lines.add("  " + c.kind().symbol() + " " + c.ref() + " (" + c.kind().label() + ")");
                c.unified().forEach(l -> lines.add("      " + l));
            }
        }
        return lines;
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("### dcforge diff against `").append(baseLabel).append("`\n\n");
        if (!hasChanges()) {
            return md.append("No changes to rendered resources (").append(targets.size())
                    .append(" environment/chart(s) compared).\n").toString();
        }
        md.append("**").append(headline()).append("**\n\n");
        md.append("| environment/chart | changed | added | removed |\n|---|---:|---:|---:|\n");
        for (ManifestDiff.TargetDiff t : targets) {
            if (!t.changes().isEmpty()) {
                md.append("| `").append(t.target()).append("` | ").append(count(t, ResourceChange.Type.CHANGED)).append(" | ")
                        .append(count(t, ResourceChange.Type.ADDED)).append(" | ").append(count(t, ResourceChange.Type.REMOVED)).append(" |\n");
            }
        }
        for (ManifestDiff.TargetDiff t : targets) {
            if (t.changes().isEmpty()) {
                continue;
            }
            md.append("\n#### `").append(t.target()).append("`\n\n");
            for (ResourceChange c : t.changes()) {
                md.append("- ").append(c.kind().label()).append(": `").append(c.ref()).append("`\n");
            }
            for (ResourceChange c : t.changes()) {
                if (c.unified().isEmpty()) {
                    continue;
                }
                md.append("\n<details><summary><code>").append(escapeHtml(c.ref())).append("</code></summary>\n\n```diff\n");
                c.unified().forEach(l -> md.append(l.replace("```", "`\u200b``")).append('\n'));
                md.append("```\n\n</details>\n");
            }
        }
        return md.toString();
    }

    private static long count(ManifestDiff.TargetDiff t, ResourceChange.Type type) {
        return t.changes().stream().filter(c -> c.kind() == type).count();
    }

    private static String escapeHtml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
