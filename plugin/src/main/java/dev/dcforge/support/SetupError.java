package dev.dcforge.support;

/** A broken setup (missing native library, unreadable plugin resource): not the user's input. */
public class SetupError extends RuntimeException {
    public SetupError(String message, Throwable cause) {
        super(message, cause);
    }

    public SetupError(String message) {
        super(message);
    }
}
