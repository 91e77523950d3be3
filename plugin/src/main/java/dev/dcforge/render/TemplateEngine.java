package dev.dcforge.render;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.interpret.RenderResult;
import com.hubspot.jinjava.interpret.TemplateError;
import com.hubspot.jinjava.loader.ResourceLocator;
import com.hubspot.jinjava.loader.ResourceNotFoundException;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * jinjava, strict and sandboxed, for override templates: undefined names are errors, Java is out of
 * reach ({@link Sandbox}), includes and imports resolve only to regular files inside the overrides
 * folder, output size, string and collection sizes, loops and recursion are bounded. Each rendered
 * line keeps the template file and line it came from ({@link LineMarkers}).
 */
final class TemplateEngine {
    static final long MAX_OUTPUT_BYTES = 1024 * 1024;
    static final int MAX_RENDER_DEPTH = 10;
    static final int MAX_RANGE = 1000;
    static final int MAX_COLLECTION = 10_000;

    private final Path root;
    private final Path realRoot;
    private final Jinjava jinjava;
    /** Files that took part in rendering; their index is the file number in line markers. */
    private final List<Path> files = new ArrayList<>();

    TemplateEngine(Path overridesDir) {
        this.root = overridesDir.toAbsolutePath().normalize();
        Path real;
        try {
            real = Files.isDirectory(root) ? root.toRealPath() : root;
        } catch (IOException e) {
            real = root;
        }
        this.realRoot = real;
        this.jinjava = new Jinjava(Sandbox.configure(JinjavaConfig.newBuilder())
                .withFailOnUnknownTokens(true)
                .withMaxOutputSize(MAX_OUTPUT_BYTES * 2) // markers included; the clean text is checked below
                .withMaxRenderDepth(MAX_RENDER_DEPTH)
                .withEnableRecursiveMacroCalls(false)
                .withMaxStringLength(MAX_OUTPUT_BYTES)
                .withMaxListSize(MAX_COLLECTION)
                .withMaxMapSize(MAX_COLLECTION)
                .withRangeLimit(MAX_RANGE)
                .withNestedInterpretationEnabled(false)
                .withTrimBlocks(true)
                .withLstripBlocks(true)
                .withKeepTrailingNewline(true)
                .build());
        this.jinjava.setResourceLocator(new OverridesFolderLocator());
        YamlFilters.register(jinjava);
    }

    /** A rendered template: clean text, where each line came from, and the files that markers number. */
    record Rendered(Path template, LineMarkers.Unmarked output, List<Path> files) {
        /** The template file and line of an output line, or the template itself with line 0. */
        Source source(int outputLine) {
            LineMarkers.Origin origin = output.lineOrigin(outputLine);
            if (origin == null || origin.file() >= files.size()) {
                return new Source(template, 0);
            }
            return new Source(files.get(origin.file()), origin.line());
        }
    }

    /** A place in an override template. */
    record Source(Path file, int line) {
    }

    Rendered render(Path template, Map<String, Object> variables) {
        Path file = checkedFile(template, template.toString());
        String source = Yaml.readText(file);
        if (LineMarkers.containsMarkerChars(source)) {
            throw new UserError(template.toString(), 0, "the template contains the control characters U+0001/U+0002",
                    "remove them; they are not valid in YAML either");
        }
        String marked = LineMarkers.mark(source, fileNumber(file));
        Map<String, Object> bindings = new LinkedHashMap<>(variables);
        bindings.put(Sandbox.NULL_NAMES, variables.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList());
        RenderResult result = jinjava.renderForResult(marked, bindings);
        Optional<TemplateError> failure = result.getErrors().stream()
                .filter(e -> e.getSeverity() == TemplateError.ErrorType.FATAL).findFirst()
                .or(() -> result.getErrors().stream().findFirst());
        if (failure.isPresent()) {
            throw toUserError(template, failure.get());
        }
        LineMarkers.Unmarked output = LineMarkers.unmark(result.getOutput());
        if (LineMarkers.containsMarkerChars(output.text())) {
            throw new UserError(template.toString(), 0, "the template output contains the control characters U+0001/U+0002",
                    "do not capture an include's text in a block set; write the values directly");
        }
        if (output.text().length() > MAX_OUTPUT_BYTES) {
            throw new UserError(template.toString(), 0, "the template renders more than " + MAX_OUTPUT_BYTES + " characters",
                    "values files are far smaller: look for a loop or include that repeats without end");
        }
        return new Rendered(file, output, List.copyOf(files));
    }

    private synchronized int fileNumber(Path file) {
        int i = files.indexOf(file);
        if (i < 0) {
            files.add(file);
            i = files.size() - 1;
        }
        return i;
    }

    private UserError toUserError(Path template, TemplateError error) {
        int line = error.getLineno();
        String message = error.getMessage() == null ? "template error" : error.getMessage();
        String hint = "fix the template (filters, tests and the sandbox: docs/overrides.md)";
        Throwable cause = error.getException();
        Sandbox.TemplateProblem problem = null;
        for (Throwable t = cause; t != null && problem == null; t = t.getCause()) {
            if (t instanceof Sandbox.TemplateProblem p) {
                problem = p;
            }
        }
        if (problem != null) {
            message = problem.getMessage();
            if (line <= 0) {
                line = problem.line;
            }
            if (problem instanceof Sandbox.UndefinedProblem) {
                hint = "define it in the stack file's facts, or write '| default(...)' or '| required(\"why\")'";
            } else if (problem instanceof Sandbox.ForbiddenProblem) {
                hint = "templates may use only their variables, filters, tests and macros";
            } else {
                hint = "set the value in the stack file";
            }
        } else if (message.contains("UnknownTokenException")) {
            String token = message.substring(message.indexOf("Unknown token found:") + "Unknown token found:".length()).strip();
            message = "'" + token + "' is undefined or none";
            hint = "define it in the stack file's facts, or write '| default(...)'";
        } else if (error.getReason() == TemplateError.ErrorReason.OUTPUT_TOO_BIG || message.contains("OutputTooBig")) {
            message = "the template output, or a string built in it, is too big (limit " + MAX_OUTPUT_BYTES + " characters)";
            hint = "look for a loop or include that repeats without end";
        } else if (message.toLowerCase(java.util.Locale.ROOT).contains("cycle detected") || message.contains("recursion") || message.contains("Max render depth")) {
            message = "recursion is not allowed: " + message.replaceFirst("^[A-Za-z]+Exception: ", "").replaceFirst("^Warning in `[^`]*` on line \\d+: ", "");
            hint = "remove the macro or include that calls itself";
        } else if (message.contains("Couldn't find resource") || message.contains("outside the overrides folder")) {
            message = message.replaceFirst("^[A-Za-z]+Exception: ", "");
            hint = "include only templates inside the overrides folder, by a relative path such as 'profiles/common.yaml.j2'";
        } else {
            message = message.replaceFirst("^[A-Za-z]+Exception: ", "");
        }
        String file = error.getSourceTemplate().map(s -> root.resolve(s).normalize().toString()).orElse(template.toString());
        return new UserError(file, Math.max(line, 0), "template error: " + message, hint);
    }

    /** The file, when it is a regular file whose real path is inside the overrides folder. */
    private Path checkedFile(Path file, String asWritten) {
        Path normal = file.toAbsolutePath().normalize();
        if (!normal.startsWith(root)) {
            throw new UserError(asWritten, 0, "'" + asWritten + "' is outside the overrides folder " + root,
                    "keep templates inside the overrides folder");
        }
        try {
            if (Files.isRegularFile(normal) && !normal.toRealPath().startsWith(realRoot)) {
                throw new UserError(asWritten, 0, "'" + asWritten + "' is a link to a file outside the overrides folder",
                        "copy the file into the overrides folder instead of linking it");
            }
        } catch (IOException e) {
            throw new UserError(asWritten, 0, "cannot read: " + e.getMessage(), "check the file");
        }
        return normal;
    }

    /** Includes and imports: relative paths to regular files inside the overrides folder, nothing else. */
    final class OverridesFolderLocator implements ResourceLocator {
        @Override
        public String getString(String fullName, Charset encoding, JinjavaInterpreter interpreter) throws IOException {
            if (fullName.startsWith("/") || fullName.startsWith("\\") || fullName.matches("^[A-Za-z]:.*") || fullName.contains("://")) {
                throw new ResourceNotFoundException("'" + fullName + "' is outside the overrides folder: absolute paths are not allowed");
            }
            Path resolved = root.resolve(fullName).normalize();
            if (!resolved.startsWith(root) || List.of(fullName.split("[/\\\\]")).contains("..")) {
                throw new ResourceNotFoundException("'" + fullName + "' is outside the overrides folder: '..' is not allowed");
            }
            if (!Files.isRegularFile(resolved)) {
                throw new ResourceNotFoundException("no template '" + fullName + "' in the overrides folder");
            }
            if (!resolved.toRealPath().startsWith(realRoot)) {
                throw new ResourceNotFoundException("'" + fullName + "' is a link to a file outside the overrides folder");
            }
            String text = Yaml.readText(resolved);
            if (LineMarkers.containsMarkerChars(text)) {
                throw new ResourceNotFoundException("'" + fullName + "' contains the control characters U+0001/U+0002");
            }
            return LineMarkers.mark(text, fileNumber(resolved));
        }
    }
}
