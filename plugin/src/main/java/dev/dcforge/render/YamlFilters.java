package dev.dcforge.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.SafeString;
import com.hubspot.jinjava.util.ObjectTruthValue;
import dev.dcforge.support.Yaml;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Filters and tests for writing YAML, registered over jinjava's own where the names clash:
 * <ul>
 *   <li>{@code toyaml}: block YAML of a value, no trailing newline, stable key order ({@code {}}/{@code []} when empty);</li>
 *   <li>{@code tojson}: compact JSON (valid flow YAML);</li>
 *   <li>{@code quote}: a YAML double-quoted scalar with escapes; none becomes {@code ""};</li>
 *   <li>{@code indent(width=4, first=false, blank=false)} and {@code nindent(width)} (newline first, every line indented);</li>
 *   <li>{@code b64encode}: Base64 of the UTF-8 bytes;</li>
 *   <li>{@code required("message")}: fails the render with the message when the value is undefined, none or "";</li>
 *   <li>{@code default(value, boolean=false)}: the value when undefined or none (or, with true, any falsy value);</li>
 *   <li>tests {@code defined}/{@code undefined}: whether a name or key exists (none is defined).</li>
 * </ul>
 */
final class YamlFilters {
    private YamlFilters() {
    }

    static void register(Jinjava jinjava) {
        var context = jinjava.getGlobalContext();
        for (Filter filter : List.of(new ToYaml(), new ToJson(), new Quote(), new Indent(), new NIndent(), new B64Encode(),
                new Required(), new Default())) {
            context.registerFilter(filter);
        }
        context.registerExpTest(new Defined(true));
        context.registerExpTest(new Defined(false));
    }

    static Object unwrap(Object value) {
        if (value instanceof Sandbox.Undefined u) {
            throw u.problem();
        }
        if (value instanceof SafeString s) {
            return LineMarkers.strip(s.toString());
        }
        if (value instanceof CharSequence s) {
            return LineMarkers.strip(s.toString());
        }
        return value;
    }

    static JsonNode tree(Object value) {
        return Yaml.mapper().valueToTree(deepUnwrap(unwrap(value)));
    }

    private static Object deepUnwrap(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), deepUnwrap(unwrap(v))));
            return out;
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(v -> deepUnwrap(unwrap(v))).toList();
        }
        return unwrap(value);
    }

    static String arg(Object[] args, int i, String fallback) {
        return args != null && args.length > i && args[i] != null ? String.valueOf(unwrap(args[i])) : fallback;
    }

    abstract static class ObjectFilter implements Filter {
        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, String... args) {
            return filter(var, interpreter, (Object[]) args, Map.of());
        }

        @Override
        public abstract Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs);
    }

    static final class ToYaml extends ObjectFilter {
        @Override
        public String getName() {
            return "toyaml";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            JsonNode node = tree(var);
            if (node.isContainerNode() && node.isEmpty()) {
                return node.isObject() ? "{}" : "[]";
            }
            String yaml = Yaml.write(node);
            yaml = yaml.endsWith("\n") ? yaml.substring(0, yaml.length() - 1) : yaml;
            return node.isArray() ? dedent(yaml) : yaml;
        }

        /** The writer indents list items under their key; a list on its own starts at column 0. */
        static String dedent(String text) {
            int min = Integer.MAX_VALUE;
            for (String line : text.split("\n", -1)) {
                if (!line.isBlank()) {
                    min = Math.min(min, line.length() - line.stripLeading().length());
                }
            }
            if (min == 0 || min == Integer.MAX_VALUE) {
                return text;
            }
            StringBuilder out = new StringBuilder();
            for (String line : text.split("\n", -1)) {
                if (out.length() > 0) {
                    out.append('\n');
                }
                out.append(line.isBlank() ? line.strip() : line.substring(min));
            }
            return out.toString();
        }
    }

    static final class ToJson extends ObjectFilter {
        @Override
        public String getName() {
            return "tojson";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            try {
                return Yaml.json().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(tree(var));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new Sandbox.TemplateProblem("tojson: " + e.getOriginalMessage(), Sandbox.currentLine());
            }
        }
    }

    static final class Quote extends ObjectFilter {
        @Override
        public String getName() {
            return "quote";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object v = unwrap(var);
            return Yaml.writeJsonString(v == null ? "" : String.valueOf(v));
        }
    }

    static String indent(String text, int width, boolean first, boolean blank) {
        String pad = " ".repeat(Math.max(0, Math.min(width, 256)));
        StringBuilder out = new StringBuilder(text.length() + 16);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                out.append('\n');
            }
            boolean indentThis = (i > 0 || first) && (blank || !lines[i].isBlank());
            out.append(indentThis ? pad : "").append(lines[i]);
        }
        return out.toString();
    }

    static int intArg(Object[] args, int i, int fallback) {
        String s = arg(args, i, null);
        if (s == null) {
            return fallback;
        }
        try {
            return (int) Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new Sandbox.TemplateProblem("indent width must be a number, got '" + s + "'", Sandbox.currentLine());
        }
    }

    static boolean boolArg(Object[] args, Map<String, Object> kwargs, int i, String name) {
        Object v = kwargs != null && kwargs.containsKey(name) ? kwargs.get(name) : args != null && args.length > i ? args[i] : null;
        return v != null && ObjectTruthValue.evaluate(unwrap(v));
    }

    static final class Indent extends ObjectFilter {
        @Override
        public String getName() {
            return "indent";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object v = unwrap(var);
            int width = kwargs != null && kwargs.get("width") != null ? intArg(new Object[]{kwargs.get("width")}, 0, 4) : intArg(args, 0, 4);
            return indent(v == null ? "" : String.valueOf(v), width, boolArg(args, kwargs, 1, "first"), boolArg(args, kwargs, 2, "blank"));
        }
    }

    static final class NIndent extends ObjectFilter {
        @Override
        public String getName() {
            return "nindent";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object v = unwrap(var);
            return "\n" + indent(v == null ? "" : String.valueOf(v), intArg(args, 0, 4), true, false);
        }
    }

    static final class B64Encode extends ObjectFilter {
        @Override
        public String getName() {
            return "b64encode";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object v = unwrap(var);
            return Base64.getEncoder().encodeToString((v == null ? "" : String.valueOf(v)).getBytes(StandardCharsets.UTF_8));
        }
    }

    static final class Required extends ObjectFilter {
        @Override
        public String getName() {
            return "required";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            if (var == null || var instanceof Sandbox.Undefined || (var instanceof CharSequence s && s.isEmpty())) {
                String message = arg(args, 0, null);
                String name = var instanceof Sandbox.Undefined u ? " ('" + u.name + "' is undefined)" : "";
                throw new Sandbox.TemplateProblem("required value missing: " + (message == null ? "a required value is empty" : message) + name,
                        Sandbox.currentLine());
            }
            return var;
        }
    }

    static final class Default extends ObjectFilter {
        @Override
        public String getName() {
            return "default";
        }

        @Override
        public Object filter(Object var, JinjavaInterpreter interpreter, Object[] args, Map<String, Object> kwargs) {
            Object fallback = args != null && args.length > 0 ? args[0] : "";
            boolean falsy = boolArg(args, kwargs, 1, "boolean");
            if (var == null || var instanceof Sandbox.Undefined || (falsy && !ObjectTruthValue.evaluate(var))) {
                return fallback;
            }
            return var;
        }
    }

    static final class Defined implements ExpTest {
        private final boolean defined;

        Defined(boolean defined) {
            this.defined = defined;
        }

        @Override
        public String getName() {
            return defined ? "defined" : "undefined";
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            return defined != (var instanceof Sandbox.Undefined);
        }
    }
}
