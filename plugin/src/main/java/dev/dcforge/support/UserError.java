package dev.dcforge.support;

import java.nio.file.Path;

/**
 * A problem the user can fix in their own files (bad values, template errors, failing rules).
 * The Mojos turn it into a MojoFailureException whose message is {@link #getMessage()}: no stack trace.
 */
public class UserError extends RuntimeException {
    private final String file;
    private final int line;
    private final String problem;
    private final String hint;

    public UserError(String file, int line, String problem, String hint) {
        super(format(file, line, problem, hint));
        this.file = file;
        this.line = line;
        this.problem = problem;
        this.hint = hint;
    }

    public UserError(Path file, int line, String problem, String hint) {
        this(file == null ? null : file.toString(), line, problem, hint);
    }

    public UserError(String file, int line, String problem, String hint, Throwable cause) {
        this(file, line, problem, hint);
        initCause(cause);
    }

    /** "file:line: problem. What to do: hint" with the parts that are known. */
    public static String format(String file, int line, String problem, String hint) {
        StringBuilder sb = new StringBuilder();
        if (file != null) {
            sb.append(file);
            if (line > 0) {
                sb.append(':').append(line);
            }
            sb.append(": ");
        }
        sb.append(problem);
        if (hint != null && !hint.isBlank()) {
            sb.append(problem.endsWith(".") ? " " : ". ").append("What to do: ").append(hint);
        }
        return sb.toString();
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public String problem() {
        return problem;
    }

    public String hint() {
        return hint;
    }
}
