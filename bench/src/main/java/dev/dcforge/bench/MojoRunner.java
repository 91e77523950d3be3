package dev.dcforge.bench;

import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.logging.Log;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.File;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs dcforge goals in process as Maven would configure them for a chart repository: every parameter gets
 * its default from the plugin descriptor (META-INF/maven/plugin.xml), with project expressions resolved
 * against a folder, then the given overrides. Components Maven would inject (project helper, settings) stay
 * null, which the goals accept. This is the real build code path, incremental-build checks included.
 */
public final class MojoRunner {
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]+)}");

    private record Param(String name, String type, String defaultValue, String expression) {
    }

    private record Goal(String name, String implementation, List<Param> params) {
    }

    private final Map<String, Goal> goals;
    /** Nanoseconds per goal since the last {@link #resetTimes()}. */
    final Map<String, Long> goalTimes = new LinkedHashMap<>();
    private final String groupId;
    private final String version;

    public MojoRunner() {
        Map<String, Goal> found = null;
        String group = null;
        String ver = null;
        try {
            Enumeration<URL> urls = getClass().getClassLoader().getResources("META-INF/maven/plugin.xml");
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                Document doc;
                try (InputStream in = url.openStream()) {
                    doc = f.newDocumentBuilder().parse(in);
                }
                Element root = doc.getDocumentElement();
                if (!"dcforge-maven-plugin".equals(child(root, "artifactId"))) {
                    continue;
                }
                group = child(root, "groupId");
                ver = child(root, "version");
                found = new LinkedHashMap<>();
                NodeList mojos = root.getElementsByTagName("mojo");
                for (int i = 0; i < mojos.getLength(); i++) {
                    Element mojo = (Element) mojos.item(i);
                    Map<String, String> types = new HashMap<>();
                    Element parameters = first(mojo, "parameters");
                    if (parameters != null) {
                        NodeList ps = parameters.getElementsByTagName("parameter");
                        for (int j = 0; j < ps.getLength(); j++) {
                            Element p = (Element) ps.item(j);
                            types.put(child(p, "name"), child(p, "type"));
                        }
                    }
                    List<Param> params = new ArrayList<>();
                    Element config = first(mojo, "configuration");
                    if (config != null) {
                        for (Node n = config.getFirstChild(); n != null; n = n.getNextSibling()) {
                            if (n instanceof Element e) {
                                String def = e.hasAttribute("default-value") ? e.getAttribute("default-value") : null;
                                params.add(new Param(e.getTagName(), types.getOrDefault(e.getTagName(), e.getAttribute("implementation")),
                                        def, e.getTextContent().strip()));
                            }
                        }
                    }
                    found.put(child(mojo, "goal"), new Goal(child(mojo, "goal"), child(mojo, "implementation"), params));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the dcforge plugin descriptor", e);
        }
        if (found == null) {
            throw new IllegalStateException("no dcforge-maven-plugin META-INF/maven/plugin.xml on the class path");
        }
        this.goals = found;
        this.groupId = group;
        this.version = ver;
    }

    void resetTimes() {
        goalTimes.clear();
    }

    public boolean hasParameter(String goal, String name) {
        Goal g = goals.get(goal);
        return g != null && g.params().stream().anyMatch(p -> p.name().equals(name));
    }

    public boolean hasGoal(String goal) {
        return goals.containsKey(goal);
    }

    /**
     * Runs goals in order on a project folder (charts in {@code charts/}, overrides in {@code overrides/} unless
     * overridden), output under {@code buildDir/dcforge}.
     */
    public void run(Path projectDir, Path buildDir, Map<String, String> overrides, Log log, String... goalNames) throws Exception {
        Map<String, String> props = new HashMap<>();
        props.put("project.basedir", projectDir.toString());
        props.put("basedir", projectDir.toString());
        props.put("project.build.directory", buildDir.toString());
        props.put("project.build.outputTimestamp", Workspace.ARCHIVE_TIME.toString());
        props.put("project.version", version);
        props.put("project.groupId", groupId);
        props.put("project.artifactId", "bench-charts");
        for (String goalName : goalNames) {
            Goal goal = goals.get(goalName);
            if (goal == null) {
                throw new IllegalArgumentException("the plugin has no goal " + goalName);
            }
            Mojo mojo = (Mojo) Class.forName(goal.implementation()).getDeclaredConstructor().newInstance();
            for (Param p : goal.params()) {
                String value = overrides.get(p.name());
                if (value == null && p.expression() != null && p.expression().startsWith("${")) {
                    String property = p.expression().substring(2, p.expression().length() - 1);
                    value = overrides.get(property);
                }
                if (value == null && p.defaultValue() != null) {
                    value = resolve(p.defaultValue(), props);
                }
                if (value != null) {
                    set(mojo, p, value);
                }
            }
            mojo.setLog(log);
            long start = System.nanoTime();
            mojo.execute();
            goalTimes.merge(goalName, System.nanoTime() - start, Long::sum);
        }
    }

    private static String resolve(String text, Map<String, String> props) {
        Matcher m = EXPRESSION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = props.get(m.group(1));
            if (v == null) {
                return null; // ${project}, ${settings}, ...: left to Maven; null here
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static void set(Object mojo, Param p, String value) throws IllegalAccessException {
        Field field = field(mojo.getClass(), p.name());
        if (field == null) {
            return;
        }
        Class<?> type = field.getType();
        Object converted;
        if (type == String.class) {
            converted = value;
        } else if (type == File.class) {
            converted = new File(value);
        } else if (type == boolean.class || type == Boolean.class) {
            converted = Boolean.parseBoolean(value);
        } else if (type == int.class || type == Integer.class) {
            converted = Integer.parseInt(value);
        } else if (type == long.class || type == Long.class) {
            converted = Long.parseLong(value);
        } else if (type == Path.class) {
            converted = Path.of(value);
        } else {
            return;
        }
        field.setAccessible(true);
        field.set(mojo, converted);
    }

    private static Field field(Class<?> type, String name) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // try the superclass
            }
        }
        return null;
    }

    private static Element first(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String child(Element parent, String name) {
        Element e = first(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }

    /** Discards info and debug output; keeps warnings and errors. */
    public static final class QuietLog implements Log {
        @Override public boolean isDebugEnabled() { return false; }
        @Override public void debug(CharSequence content) { }
        @Override public void debug(CharSequence content, Throwable error) { }
        @Override public void debug(Throwable error) { }
        @Override public boolean isInfoEnabled() { return false; }
        @Override public void info(CharSequence content) { }
        @Override public void info(CharSequence content, Throwable error) { }
        @Override public void info(Throwable error) { }
        @Override public boolean isWarnEnabled() { return true; }
        @Override public void warn(CharSequence content) { System.err.println("[dcforge warn] " + content); }
        @Override public void warn(CharSequence content, Throwable error) { warn(content); }
        @Override public void warn(Throwable error) { warn(String.valueOf(error)); }
        @Override public boolean isErrorEnabled() { return true; }
        @Override public void error(CharSequence content) { System.err.println("[dcforge error] " + content); }
        @Override public void error(CharSequence content, Throwable error) { error(content); }
        @Override public void error(Throwable error) { error(String.valueOf(error)); }
    }
}
