package dev.dcforge.render;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.el.TypeConvertingMapELResolver;
import com.hubspot.jinjava.el.ext.JinjavaBeanELResolver;
import com.hubspot.jinjava.el.ext.JinjavaListELResolver;
import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.interpret.InterpreterFactory;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import com.hubspot.jinjava.objects.serialization.PyishSerializable;
import com.hubspot.jinjava.util.ForLoop;
import com.hubspot.jinjava.util.HasObjectTruthValue;
import jinjava.javax.el.ArrayELResolver;
import jinjava.javax.el.CompositeELResolver;
import jinjava.javax.el.ELContext;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What override templates may do: read the variables dcforge gives them (maps, lists, strings, numbers),
 * call filters, tests and macros, and iterate. They may not call Java methods or read Java properties
 * (no {@code .getClass()}, no {@code "".concat(...)}), and a name or key that does not exist is an error
 * wherever it is used (strict undefined), except under {@code default}, {@code required} and the
 * {@code defined}/{@code undefined} tests.
 */
final class Sandbox {
    /** Python-dict methods templates may call on mappings; nothing else is callable. */
    static final Set<String> MAP_METHODS = Set.of("items", "keys", "values", "get");
    /** Binding that lists the top-level variables whose value is none (jinjava drops null bindings). */
    static final String NULL_NAMES = "__dcforge_none_variables__";
    private static final Set<String> LITERAL_NAMES = Set.of("none", "None", "True", "False", "true", "false");

    private Sandbox() {
    }

    /** A template error raised by dcforge itself (undefined name, forbidden access, required value). */
    static class TemplateProblem extends RuntimeException {
        final int line;

        TemplateProblem(String message, int line) {
            super(message);
            this.line = line;
        }
    }

    static final class UndefinedProblem extends TemplateProblem {
        UndefinedProblem(String name, int line) {
            super("undefined variable '" + name + "'", line);
        }
    }

    static final class ForbiddenProblem extends TemplateProblem {
        ForbiddenProblem(String message) {
            super(message, currentLine());
        }
    }

    /** The value of a name or key that does not exist: any use other than default/required/defined fails. */
    static final class Undefined implements PyishSerializable, HasObjectTruthValue {
        final String name;
        final int line;

        Undefined(String name, int line) {
            this.name = name;
            this.line = line;
        }

        UndefinedProblem problem() {
            return new UndefinedProblem(name, line);
        }

        @Override
        public String toString() {
            throw problem();
        }

        @Override
        public boolean getObjectTruthValue() {
            throw problem();
        }

        @Override
        public <T extends Appendable & CharSequence> T appendPyishString(T appendable) {
            throw problem();
        }

        @Override
        public boolean equals(Object o) {
            throw problem();
        }

        @Override
        public int hashCode() {
            return name.hashCode();
        }
    }

    static boolean isUndefined(Object value) {
        return value instanceof Undefined;
    }

    static int currentLine() {
        JinjavaInterpreter current = JinjavaInterpreter.getCurrent();
        return current == null ? 0 : current.getLineNumber();
    }

    static JinjavaConfig.Builder configure(JinjavaConfig.Builder builder) {
        CompositeELResolver resolver = new CompositeELResolver();
        resolver.add(new StrictMapResolver());
        resolver.add(new ArrayELResolver(true));
        resolver.add(new JinjavaListELResolver(true));
        resolver.add(new NoJavaResolver());
        return builder
                .withElResolver(resolver)
                .withInterperterFactory(new StrictInterpreterFactory());
    }

    /** Top-level names: a name that is not bound is an {@link Undefined}, not null. */
    static final class StrictInterpreter extends JinjavaInterpreter {
        StrictInterpreter(Jinjava jinjava, Context context, JinjavaConfig config) {
            super(jinjava, context, config);
        }

        StrictInterpreter(JinjavaInterpreter orig) {
            super(orig);
        }

        @Override
        public Object retraceVariable(String variable, int lineNumber, int startPosition) {
            Object value = super.retraceVariable(variable, lineNumber, startPosition);
            if (value == null && !LITERAL_NAMES.contains(variable) && !getContext().containsKey(variable)
                    && !(getContext().get(NULL_NAMES) instanceof java.util.Collection<?> nulls && nulls.contains(variable))) {
                return new Undefined(variable, lineNumber);
            }
            return value;
        }
    }

    static final class StrictInterpreterFactory implements InterpreterFactory {
        @Override
        public JinjavaInterpreter newInstance(JinjavaInterpreter orig) {
            return new StrictInterpreter(orig);
        }

        @Override
        public JinjavaInterpreter newInstance(Jinjava jinjava, Context context, JinjavaConfig config) {
            return new StrictInterpreter(jinjava, context, config);
        }
    }

    /** Keys of mappings; a missing key (or any key of an undefined value) is {@link Undefined}. */
    static final class StrictMapResolver extends TypeConvertingMapELResolver {
        StrictMapResolver() {
            super(true);
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base instanceof Undefined u) {
                context.setPropertyResolved(true);
                return new Undefined(u.name + "." + property, u.line);
            }
            if (base instanceof Map<?, ?> map && property != null && !map.containsKey(property.toString())
                    && !(property instanceof Number && map.containsKey(property))) {
                context.setPropertyResolved(true);
                return new Undefined(String.valueOf(property), currentLine());
            }
            return super.getValue(context, base, property);
        }
    }

    /**
     * Bean access, which jinjava needs for its own objects only: filters, tests, loop variables. Every
     * other Java method call or property read is refused.
     */
    static final class NoJavaResolver extends JinjavaBeanELResolver {
        NoJavaResolver() {
            super(true);
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            if (base == null) {
                return null;
            }
            if (base instanceof ForLoop || base instanceof Filter || base instanceof ExpTest) {
                return super.getValue(context, base, property);
            }
            String name = String.valueOf(property);
            if (isBeanProperty(base.getClass(), name)) {
                throw new ForbiddenProblem("'" + name + "' cannot be read from " + describe(base)
                        + ": templates read keys of mappings only, never Java properties");
            }
            if (isMethod(base.getClass(), name)) {
                return null; // not resolved here: the call that follows reaches invoke(), which refuses it
            }
            context.setPropertyResolved(true);
            return new Undefined(name, currentLine());
        }

        private static boolean isMethod(Class<?> type, String name) {
            for (java.lang.reflect.Method m : type.getMethods()) {
                if (m.getName().equals(name)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isBeanProperty(Class<?> type, String name) {
            if (name.isEmpty()) {
                return false;
            }
            String cap = Character.toUpperCase(name.charAt(0)) + name.substring(1);
            for (java.lang.reflect.Method m : type.getMethods()) {
                if (m.getParameterCount() == 0 && (m.getName().equals("get" + cap) || m.getName().equals("is" + cap))) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            if (base == null) {
                return null;
            }
            String name = String.valueOf(method);
            boolean allowed = (base instanceof Filter && "filter".equals(name))
                    || (base instanceof ExpTest && "evaluate".equals(name))
                    || (base instanceof ForLoop && "cycle".equals(name))
                    || (base instanceof Map<?, ?> && MAP_METHODS.contains(name));
            if (!allowed) {
                throw new ForbiddenProblem("calling '" + name + "()' on " + describe(base)
                        + " is not allowed: templates cannot call Java methods (use filters; mappings offer "
                        + String.join("(), ", MAP_METHODS.stream().sorted().toList()) + "())");
            }
            return super.invoke(context, base, method, paramTypes, params);
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            throw new ForbiddenProblem("templates cannot change '" + property + "' of " + describe(base));
        }

        private static String describe(Object base) {
            if (base instanceof Undefined u) {
                throw u.problem();
            }
            if (base instanceof CharSequence) {
                return "a string";
            }
            if (base instanceof Number) {
                return "a number";
            }
            if (base instanceof Boolean) {
                return "a boolean";
            }
            if (base instanceof Map<?, ?>) {
                return "a mapping";
            }
            if (base instanceof Iterable<?>) {
                return "a list";
            }
            return "a value of type " + base.getClass().getSimpleName();
        }
    }
}
