package dev.dcforge.validate.rules;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Kubernetes memory quantities and JVM memory sizes, in bytes. */
final class Quantities {
    private static final Pattern K8S = Pattern.compile("^([0-9.]+(?:[eE][0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|K|M|G|T|P|E|m)?$");
    private static final Pattern JVM = Pattern.compile("^(\\d+)([kKmMgGtT]?)$");

    private Quantities() {
    }

    /** Bytes of a Kubernetes quantity such as 2Gi, 2G, 1500M, 1e9; null when unparseable. */
    static Long k8sBytes(String text) {
        Matcher m = K8S.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        BigDecimal n = new BigDecimal(m.group(1));
        String suffix = m.group(2) == null ? "" : m.group(2);
        BigDecimal factor = switch (suffix) {
            case "Ki" -> BigDecimal.valueOf(1L << 10);
            case "Mi" -> BigDecimal.valueOf(1L << 20);
            case "Gi" -> BigDecimal.valueOf(1L << 30);
            case "Ti" -> BigDecimal.valueOf(1L << 40);
            case "Pi" -> BigDecimal.valueOf(1L << 50);
            case "Ei" -> BigDecimal.valueOf(1L << 60);
            case "k", "K" -> BigDecimal.valueOf(1_000L);
            case "M" -> BigDecimal.valueOf(1_000_000L);
            case "G" -> BigDecimal.valueOf(1_000_000_000L);
            case "T" -> BigDecimal.valueOf(1_000_000_000_000L);
            case "P" -> BigDecimal.valueOf(1_000_000_000_000_000L);
            case "E" -> new BigDecimal("1000000000000000000");
            case "m" -> new BigDecimal("0.001");
            default -> BigDecimal.ONE;
        };
        return n.multiply(factor).longValue();
    }

    /** Bytes of a JVM size such as 1g, 1024m, 512k, 2048 (bytes). */
    static Long jvmBytes(String text) {
        Matcher m = JVM.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            case "t" -> n << 40;
            default -> n;
        };
    }

    static String mebibytes(long bytes) {
        return (bytes >> 20) + "Mi";
    }
}
