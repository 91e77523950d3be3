package dev.dcforge.render;

import dev.dcforge.TestFiles;
import dev.dcforge.support.UserError;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Strictness and the sandbox: each forbidden access is tried from a template and refused with a clear message. */
class TemplateSandboxTest {
    @TempDir
    Path tmp;
    Path overrides;
    TemplateEngine engine;
    Map<String, Object> vars;

    @BeforeEach
    void setUp() {
        overrides = tmp.resolve("overrides");
        TestFiles.write(tmp.resolve("secret.txt"), "password: hunter2\n");
        TestFiles.write(overrides.resolve("profiles/common.yaml.j2"), "common: {{ domain }}\n");
        engine = new TemplateEngine(overrides);
        vars = new LinkedHashMap<>();
        vars.put("domain", "example.com");
        vars.put("database", new LinkedHashMap<>(Map.of("host", "db", "names", Map.of("jira", "jiradb"))));
        vars.put("nodes", List.of("a", "b"));
        vars.put("nothing", null);
    }

    private String render(String template) {
        Path file = TestFiles.write(overrides.resolve("t.yaml.j2"), template);
        return engine.render(file, vars).output().text();
    }

    private UserError refused(String template) {
        return assertThrows(UserError.class, () -> render(template));
    }

    private static void assertProblem(UserError e, String expected) {
        assertTrue(e.problem().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    // --- strictness ---------------------------------------------------------------------------------

    @Test
    void undefinedVariableFailsWithFileAndLine() {
        UserError e = refused("a: 1\nb:\n  c: {{ no_such_fact }}\n");
        assertEquals(overrides.resolve("t.yaml.j2").toString(), e.file());
        assertEquals(3, e.line());
        assertEquals("template error: undefined variable 'no_such_fact'", e.problem());
    }

    @Test
    void undefinedVariableInConcatenationIsNotAnEmptyString() {
        UserError e = refused("host: {{ 'jira.' ~ domian }}\n");
        assertEquals(1, e.line());
        assertProblem(e, "undefined variable 'domian'");
    }

    @Test
    void undefinedKeyOfAMappingFails() {
        UserError e = refused("x: 1\nhost: {{ database.hots }}\n");
        assertEquals(2, e.line());
        assertProblem(e, "undefined variable 'hots'");
    }

    @Test
    void undefinedInsideAListLiteralFails() {
        assertProblem(refused("x: {{ [nope] | tojson }}\n"), "undefined variable 'nope'");
    }

    @Test
    void undefinedInConditionFails() {
        UserError e = refused("a: 1\n{% if missing_flag %}\nb: 2\n{% endif %}\n");
        assertEquals(2, e.line());
        assertProblem(e, "undefined variable 'missing_flag'");
    }

    @Test
    void definedTestDefaultAndNoneStayUsable() {
        String out = render("""
                a: {{ 'yes' if database.port is defined else 'no' }}
                b: {{ database.port | default(5432) }}
                c: {{ nope | default('d') }}
                d: {{ 'set' if nothing is defined else 'unset' }}
                e: {{ nodes | length }}
                {% for n in nodes %}
                n{{ loop.index }}: {{ n }}
                {% endfor %}
                {% for k, v in database.items() %}
                k_{{ k }}: {{ v | tojson }}
                {% endfor %}
                """);
        assertTrue(out.contains("a: no\nb: 5432\nc: d\nd: set\ne: 2\nn1: a\nn2: b\n"), out);
        assertTrue(out.contains("k_host: \"db\""), out);
    }

    @Test
    void printingNoneIsAnError() {
        UserError e = refused("a: 1\nb: {{ nothing }}\n");
        assertEquals(2, e.line());
        assertEquals("template error: 'nothing' is undefined or none", e.problem());
    }

    @Test
    void listMutationIsRefused() {
        assertProblem(refused("{% set l = [] %}{% do l.append(1) %}n: {{ l | length }}\n"), "calling 'append()' on a list is not allowed");
    }

    // --- sandbox ------------------------------------------------------------------------------------

    @Test
    void includeWithDotDotIsRefused() {
        UserError e = refused("{% include '../secret.txt' %}\n");
        assertProblem(e, "'../secret.txt' is outside the overrides folder: '..' is not allowed");
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void importWithDotDotIsRefused() {
        assertProblem(refused("{% import '../secret.txt' as s %}\na: 1\n"), "is outside the overrides folder");
    }

    @Test
    void absoluteIncludeIsRefused() {
        UserError e = refused("{% include '" + tmp.resolve("secret.txt").toAbsolutePath() + "' %}\n");
        assertProblem(e, "is outside the overrides folder: absolute paths are not allowed");
    }

    @Test
    void symlinkOutOfTheFolderIsRefused() throws Exception {
        Files.createSymbolicLink(overrides.resolve("link.yaml.j2"), tmp.resolve("secret.txt"));
        UserError e = refused("{% include 'link.yaml.j2' %}\n");
        assertProblem(e, "'link.yaml.j2' is a link to a file outside the overrides folder");
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void templateThatIsASymlinkOutIsRefused() throws Exception {
        Path link = Files.createSymbolicLink(overrides.resolve("demo.yaml.j2"), tmp.resolve("secret.txt"));
        UserError e = assertThrows(UserError.class, () -> engine.render(link, vars));
        assertProblem(e, "is a link to a file outside the overrides folder");
    }

    @Test
    void includeInsideTheFolderWorksAndKeepsItsLines() {
        TemplateEngine.Rendered r = engine.render(TestFiles.write(overrides.resolve("t.yaml.j2"),
                "a: 1\n{% include 'profiles/common.yaml.j2' %}\n"), vars);
        assertEquals("a: 1\ncommon: example.com\n", r.output().text());
        assertEquals(new TemplateEngine.Source(overrides.resolve("profiles/common.yaml.j2"), 1), r.source(2));
    }

    @Test
    void getClassIsRefused() {
        UserError e = refused("a: {{ domain.getClass() }}\n");
        assertProblem(e, "calling 'getClass()' on a string is not allowed: templates cannot call Java methods");
        assertEquals(1, e.line());
    }

    @Test
    void classPropertyIsRefused() {
        assertProblem(refused("a: {{ domain.class }}\n"), "'class' cannot be read from a string: templates read keys of mappings only");
    }

    @Test
    void ordinaryJavaMethodsAreRefusedToo() {
        assertProblem(refused("a: {{ domain.toUpperCase() }}\n"), "calling 'toUpperCase()' on a string is not allowed");
        assertProblem(refused("a: {{ nodes.size() }}\n"), "calling 'size()' on a list is not allowed");
        assertProblem(refused("a: {{ database.put('x', 1) }}\n"), "calling 'put()' on a mapping is not allowed");
    }

    @Test
    void reflectionChainIsRefusedAtTheFirstStep() {
        assertProblem(refused("a: {{ domain.getClass().forName('java.lang.Runtime').getRuntime().exec('id') }}\n"),
                "calling 'getClass()' on a string is not allowed");
    }

    @Test
    void systemLikeGlobalsDoNotExist() {
        assertProblem(refused("a: {{ System.getProperty('user.home') }}\n"), "undefined variable 'System");
        assertProblem(refused("a: {{ Runtime }}\n"), "undefined variable 'Runtime'");
    }

    @Test
    void environmentVariablesAndSystemPropertiesAreNotExposed() {
        assertProblem(refused("a: {{ env.HOME }}\n"), "undefined variable 'env.HOME'");
        assertProblem(refused("a: {{ environ['PATH'] }}\n"), "undefined variable 'environ");
        assertProblem(refused("a: {{ properties['java.home'] }}\n"), "undefined variable 'properties");
    }

    @Test
    void recursiveMacroIsRefused() {
        UserError e = refused("{% macro f(n) %}{{ f(n) }}{% endmacro %}\na: {{ f(1) }}\n");
        assertProblem(e, "recursion is not allowed: Cycle detected for macro 'f'");
    }

    @Test
    void selfIncludeIsRefused() {
        TestFiles.write(overrides.resolve("loop.yaml.j2"), "{% include 'loop.yaml.j2' %}\n");
        UserError e = refused("{% include 'loop.yaml.j2' %}\n");
        assertProblem(e, "recursion is not allowed: Include cycle detected for path: 'loop.yaml.j2'");
    }

    @Test
    void hugeLoopIsBounded() {
        UserError e = refused("{% for i in range(100000000) %}{% for j in range(100000000) %}x{% endfor %}{% endfor %}\n");
        assertProblem(e, "too big");
    }

    @Test
    void rangeIsCappedSoLoopsEnd() {
        assertEquals("n: 1000\n", render("n: {{ range(100000000) | length }}\n"));
    }

    @Test
    void outputBombIsRefused() {
        UserError e = refused("{% set s = 'xxxxxxxxxxxxxxxx' %}{% for i in range(1000) %}{% for j in range(1000) %}{{ s }}{% endfor %}{% endfor %}\n");
        assertProblem(e, "too big");
    }

    @Test
    void stringDoublingBombIsRefused() {
        StringBuilder t = new StringBuilder("{% set s = 'xxxxxxxxxxxxxxxx' %}");
        for (int i = 0; i < 40; i++) {
            t.append("{% set s = s ~ s %}");
        }
        t.append("a: {{ s | length }}\n");
        UserError e = refused(t.toString());
        assertProblem(e, "is too big (limit 1048576 characters)");
    }
}
