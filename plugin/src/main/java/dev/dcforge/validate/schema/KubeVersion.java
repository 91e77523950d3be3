package dev.dcforge.validate.schema;

import dev.dcforge.support.UserError;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Kubernetes minor version such as 1.32, parsed from "1.32", "v1.32.4" or "1.32.0-eks". */
public record KubeVersion(int major, int minor) implements Comparable<KubeVersion> {
    private static final Pattern FORM = Pattern.compile("v?(\\d+)\\.(\\d+)(?:\\.\\d+)?(?:[-+].*)?");

    public static KubeVersion parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.strip());
        if (!m.matches()) {
            throw new UserError("dcforge.kubeVersion", 0, "'" + text + "' is not a Kubernetes version",
                    "write it as major.minor or major.minor.patch, for example 1.32 or 1.32.0");
        }
        return new KubeVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    @Override
    public int compareTo(KubeVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    public boolean atLeast(KubeVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
