package dev.dcforge.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Source lines through Jinja rendering. Before rendering, each template line that has literal text gets
 * an invisible marker {@code \u0001<file>.<line>\u0002} after its last non-blank character, and each
 * output expression that starts a line gets one in front of it; markers never stand between a tag and
 * whitespace that the tag trims, so the output is otherwise unchanged. After rendering, the markers are
 * removed again and each output line is attributed to the last marker on it (the innermost: a macro's
 * or include's own line rather than the line calling it), or else to the last marker before it (the
 * expression that produced a multi-line value).
 *
 * <p>Text that may become a value instead of output is left unmarked: block {@code set}, {@code macro}
 * and {@code call} bodies (a macro's result may be compared, joined or quoted). Their output lines are
 * attributed to the line that calls them. Templates may not contain the marker characters themselves;
 * filters strip markers from the strings they receive, as a second line of defence.
 */
final class LineMarkers {
    static final char START = '\u0001';
    static final char END = '\u0002';
    private static final Pattern MARKER = Pattern.compile("\u0001(\\d+)\\.(\\d+)\u0002");
    /** Blocks whose text becomes a value rather than output: block set, macro and call bodies. */
    private static final Pattern CAPTURE = Pattern.compile("\\{%-?\\s*(set\\s+[A-Za-z_][A-Za-z0-9_.]*\\s*|(macro|call)\\b.*)-?%}", Pattern.DOTALL);
    private static final Pattern END_CAPTURE = Pattern.compile("\\{%-?\\s*end(set|macro|call)\\s*-?%}");
    private static final Pattern RAW = Pattern.compile("\\{%-?\\s*raw\\s*-?%}");
    private static final Pattern END_RAW = Pattern.compile("\\{%-?\\s*endraw\\s*-?%}");

    private LineMarkers() {
    }

    /** A file and 1-based line that produced an output line. */
    record Origin(int file, int line) {
    }

    /** Rendered text without markers, and the origin of each of its lines (index 0 = line 1; null = unknown). */
    record Unmarked(String text, List<Origin> lines) {
        Origin lineOrigin(int line) {
            return line >= 1 && line <= lines.size() ? lines.get(line - 1) : null;
        }
    }

    /** A string without line markers (for values computed from marked text). */
    static String strip(String s) {
        return s.indexOf(START) < 0 ? s : MARKER.matcher(s).replaceAll("");
    }

    static boolean containsMarkerChars(String s) {
        return s.indexOf(START) >= 0 || s.indexOf(END) >= 0;
    }

    static String mark(String source, int file) {
        StringBuilder out = new StringBuilder(source.length() + source.length() / 4);
        int line = 1;
        int i = 0;
        int setDepth = 0;
        boolean lineMarked = false;
        int n = source.length();
        while (i < n) {
            if (source.startsWith("{#", i)) {
                int end = source.indexOf("#}", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(source, i, end);
                out.append(source, i, end);
                i = end;
                continue;
            }
            if (source.startsWith("{{", i) || source.startsWith("{%", i)) {
                boolean expression = source.charAt(i + 1) == '{';
                int end = tagEnd(source, i + 2, expression ? "}}" : "%}");
                String tag = source.substring(i, end);
                if (!expression && RAW.matcher(tag).matches()) {
                    Matcher endRaw = END_RAW.matcher(source);
                    int rawEnd = endRaw.find(end) ? endRaw.start() : n;
                    out.append(tag);
                    int[] state = markText(source.substring(end, rawEnd), file, line, lineMarked, setDepth == 0, out);
                    line = state[0];
                    lineMarked = state[1] == 1;
                    i = rawEnd;
                    continue;
                }
                if (!expression && CAPTURE.matcher(tag).matches()) {
                    setDepth++;
                } else if (!expression && END_CAPTURE.matcher(tag).matches() && setDepth > 0) {
                    setDepth--;
                }
                if (expression && setDepth == 0 && !lineMarked && !tag.startsWith("{{-")) {
                    out.append(START).append(file).append('.').append(line).append(END);
                    lineMarked = true;
                }
                line += count(source, i, end);
                if (count(source, i, end) > 0) {
                    lineMarked = false;
                }
                out.append(tag);
                i = end;
                continue;
            }
            int next = nextTag(source, i);
            int[] state = markText(source.substring(i, next), file, line, lineMarked, setDepth == 0, out);
            line = state[0];
            lineMarked = state[1] == 1;
            i = next;
        }
        return out.toString();
    }

    /** Marks literal text; returns {line after the text, whether that line already has a marker}. */
    private static int[] markText(String text, int file, int line, boolean lineMarked, boolean enabled, StringBuilder out) {
        int start = 0;
        while (true) {
            int nl = text.indexOf('\n', start);
            String segment = nl < 0 ? text.substring(start) : text.substring(start, nl);
            int last = lastNonBlank(segment);
            if (enabled && last >= 0) {
                out.append(segment, 0, last + 1).append(START).append(file).append('.').append(line).append(END)
                        .append(segment, last + 1, segment.length());
                lineMarked = true;
            } else {
                out.append(segment);
            }
            if (nl < 0) {
                return new int[]{line, lineMarked ? 1 : 0};
            }
            out.append('\n');
            line++;
            lineMarked = false;
            start = nl + 1;
        }
    }

    private static int lastNonBlank(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            if (!Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int nextTag(String s, int from) {
        int i = from;
        while (i < s.length() - 1) {
            if (s.charAt(i) == '{' && (s.charAt(i + 1) == '{' || s.charAt(i + 1) == '%' || s.charAt(i + 1) == '#')) {
                return i;
            }
            i++;
        }
        return s.length();
    }

    /** End (exclusive) of a tag, skipping quoted strings; the end of the text when unclosed (Jinja reports it). */
    private static int tagEnd(String s, int from, String close) {
        char quote = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (s.startsWith(close, i)) {
                return i + close.length();
            }
        }
        return s.length();
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }

    static Unmarked unmark(String rendered) {
        StringBuilder text = new StringBuilder(rendered.length());
        List<Origin> lines = new ArrayList<>();
        Origin carried = null;
        Origin lineOrigin = null;
        Matcher m = MARKER.matcher(rendered);
        int i = 0;
        while (true) {
            int nextMarker = m.find(i) ? m.start() : -1;
            int limit = nextMarker < 0 ? rendered.length() : nextMarker;
            for (int j = i; j < limit; j++) {
                char c = rendered.charAt(j);
                if (c == '\n') {
                    lines.add(lineOrigin != null ? lineOrigin : carried);
                    lineOrigin = null;
                }
                text.append(c);
            }
            if (nextMarker < 0) {
                break;
            }
            Origin o = new Origin(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            lineOrigin = o; // the last marker on a line is the innermost (a macro's or include's own line)
            carried = o;
            i = m.end();
        }
        lines.add(lineOrigin != null ? lineOrigin : carried);
        return new Unmarked(text.toString(), lines);
    }
}
