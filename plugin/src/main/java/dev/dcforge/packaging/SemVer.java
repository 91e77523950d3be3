package dev.dcforge.packaging;

import dev.dcforge.support.UserError;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SemVer 2 versions as Helm uses them: converting a Maven project version into a chart version, and
 * ordering versions the way {@code helm repo index} sorts index entries.
 */
public final class SemVer {
    private static final Pattern MAVEN = Pattern.compile("^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[.-](.+))?$");
    private static final Pattern STRICT = Pattern.compile(
            "^v?(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:-([0-9A-Za-z.-]+))?(?:\\+([0-9A-Za-z.-]+))?$");

    private SemVer() {
    }

    /**
     * A Maven version as a SemVer 2 chart version: missing minor/patch become 0, a qualifier becomes
     * the pre-release ({@code 1.2-SNAPSHOT → 1.2.0-SNAPSHOT}, {@code 2.0.1.4 → 2.0.1-4}), so a snapshot
     * sorts before its release as both Maven and SemVer intend.
     *
     * @param origin where the version comes from, for the error message
     */
    public static String fromMaven(String version, String origin) {
        Matcher m = version == null ? null : MAVEN.matcher(version.strip());
        if (m == null || !m.matches()) {
            throw new UserError(origin, 0, "project version '" + version + "' cannot become a chart version (SemVer 2)",
                    "use a version such as 1.2.3 or 1.2.3-SNAPSHOT, or leave the chart's own version (dcforge.versionFromProject=false)");
        }
        StringBuilder out = new StringBuilder()
                .append(number(m.group(1))).append('.')
                .append(number(m.group(2))).append('.')
                .append(number(m.group(3)));
        if (m.group(4) != null) {
            List<String> ids = new ArrayList<>();
            for (String id : m.group(4).replaceAll("[^0-9A-Za-z.-]", "-").split("\\.")) {
                if (!id.isEmpty()) {
                    ids.add(id.chars().allMatch(Character::isDigit) ? number(id) : id);
                }
            }
            if (!ids.isEmpty()) {
                out.append('-').append(String.join(".", ids));
            }
        }
        return out.toString();
    }

    private static String number(String digits) {
        if (digits == null) {
            return "0";
        }
        String stripped = digits.replaceFirst("^0+(?=\\d)", "");
        return stripped.isEmpty() ? "0" : stripped;
    }

    public static boolean isValid(String version) {
        return version != null && STRICT.matcher(version).matches();
    }

    /** SemVer 2 precedence (build metadata ignored); versions Helm cannot read sort last, by text. */
    public static int compare(String a, String b) {
        Matcher ma = STRICT.matcher(a == null ? "" : a);
        Matcher mb = STRICT.matcher(b == null ? "" : b);
        boolean va = ma.matches();
        boolean vb = mb.matches();
        if (!va || !vb) {
            return va ? 1 : vb ? -1 : String.valueOf(a).compareTo(String.valueOf(b));
        }
        for (int g = 1; g <= 3; g++) {
            int c = new java.math.BigInteger(number(ma.group(g))).compareTo(new java.math.BigInteger(number(mb.group(g))));
            if (c != 0) {
                return c;
            }
        }
        String pa = ma.group(4);
        String pb = mb.group(4);
        if (pa == null || pb == null) {
            return pa == null ? (pb == null ? 0 : 1) : -1;
        }
        String[] ia = pa.split("\\.");
        String[] ib = pb.split("\\.");
        for (int i = 0; i < Math.min(ia.length, ib.length); i++) {
            boolean na = ia[i].chars().allMatch(Character::isDigit);
            boolean nb = ib[i].chars().allMatch(Character::isDigit);
            int c;
            if (na && nb) {
                c = new java.math.BigInteger(ia[i]).compareTo(new java.math.BigInteger(ib[i]));
            } else if (na != nb) {
                c = na ? -1 : 1;
            } else {
                c = ia[i].compareTo(ib[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(ia.length, ib.length);
    }
}
