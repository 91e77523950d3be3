package dev.dcforge.model;

import dev.dcforge.support.UserError;

import java.util.Locale;

/** Finding severity, ordered from least to most severe. */
public enum Severity {
    INFO, WARNING, ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text, String what) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new UserError(what, 0, "unknown severity '" + text + "'", "use one of error, warning, info");
        }
    }

    /**
     * The threshold for {@code dcforge.failOn}: findings at or above it fail the build.
     * {@code none} returns null: nothing fails the build.
     */
    public static Severity failThreshold(String failOn) {
        if (failOn == null || failOn.isBlank()) {
            return ERROR;
        }
        if ("none".equalsIgnoreCase(failOn.trim())) {
            return null;
        }
        try {
            return valueOf(failOn.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError("dcforge.failOn", 0, "unknown value '" + failOn + "'",
                    "use one of error, warning, info, none");
        }
    }
}
