package dev.dcforge.support;

import java.util.regex.Pattern;

/** Decides what looks like a secret, so that no log line, report or diff prints one. */
public final class Secrets {
    public static final String MASK = "******";
    private static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(passw(or)?d|secret|token|licen[cs]e|api[_-]?key|private[_-]?key|credential|passphrase).*");

    private Secrets() {
    }

    /** Names such as ATL_JDBC_PASSWORD, ATL_LICENSE_KEY, bitbucket.sysadminToken. */
    public static boolean looksSecret(String name) {
        return name != null && SECRET_NAME.matcher(name).matches();
    }

    /** The value, or the mask when its name looks secret. */
    public static String maskIfSecret(String name, String value) {
        return looksSecret(name) ? MASK : value;
    }
}
