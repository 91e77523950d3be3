package dev.dcforge.render;

import dev.dcforge.TestFiles;
import dev.dcforge.support.UserError;
import dev.dcforge.support.Yaml;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each filter and test, as YAML work needs it; the rendered text is also parsed back where it is YAML. */
class YamlFiltersTest {
    @TempDir
    Path tmp;
    TemplateEngine engine;
    Map<String, Object> vars;

    @BeforeEach
    void setUp() {
        engine = new TemplateEngine(tmp);
        vars = new LinkedHashMap<>();
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("host", "db.internal");
        db.put("port", 5432);
        db.put("names", Map.of("jira", "jira"));
        vars.put("database", db);
        vars.put("args", List.of("-Da=1", "-Db=two words"));
        vars.put("blank", "");
        vars.put("nothing", null);
        vars.put("tricky", "a: \"b\" #c\nd");
        vars.put("unicode", "Grüße ✓");
    }

    private String render(String template) {
        return engine.render(TestFiles.write(tmp.resolve("f.yaml.j2"), template), vars).output().text();
    }

    @Test
    void toyamlWritesBlockYamlWithoutTrailingNewline() {
        assertEquals("host: db.internal\nport: 5432\nnames:\n  jira: jira", render("{{ database | toyaml }}"));
        assertEquals("- -Da=1\n- -Db=two words", render("{{ args | toyaml }}"));
        assertEquals("{}|[]", render("{{ {} | toyaml }}|{{ [] | toyaml }}"));
    }

    @Test
    void toyamlWithNindentEmbedsAMapping() {
        String out = render("db:{{ database | toyaml | nindent(2) }}\nafter: 1\n");
        assertEquals("db:\n  host: db.internal\n  port: 5432\n  names:\n    jira: jira\nafter: 1\n", out);
        assertEquals(5432, Yaml.parse(out, "x").path("db").path("port").asInt());
    }

    @Test
    void tojsonIsCompactAndValidYaml() {
        String out = render("db: {{ database | tojson }}\nargs: {{ args | tojson }}\n");
        assertEquals("db: {\"host\":\"db.internal\",\"port\":5432,\"names\":{\"jira\":\"jira\"}}\nargs: [\"-Da=1\",\"-Db=two words\"]\n", out);
        assertEquals("two words", Yaml.parse(out, "x").path("args").get(1).asText().substring(4));
    }

    @Test
    void quoteEscapesForYaml() {
        String out = render("v: {{ tricky | quote }}\nn: {{ 5432 | quote }}\ne: {{ nothing | quote }}\nu: {{ unicode | quote }}\n");
        assertEquals("v: \"a: \\\"b\\\" #c\\nd\"\nn: \"5432\"\ne: \"\"\nu: \"Grüße ✓\"\n", out);
        var parsed = Yaml.parse(out, "x");
        assertEquals("a: \"b\" #c\nd", parsed.path("v").asText());
        assertTrue(parsed.path("n").isTextual(), "a quoted number stays a string");
    }

    @Test
    void indentLeavesFirstAndBlankLinesAloneByDefault() {
        assertEquals("a\n  b\n\n  c", render("{{ 'a\\nb\\n\\nc' | indent(2) }}"));
        assertEquals("  a\n  b", render("{{ 'a\\nb' | indent(2, true) }}"));
        assertEquals("  a\n  \n  b", render("{{ 'a\\n\\nb' | indent(2, true, true) }}"));
        assertEquals("a\n    b", render("{{ 'a\\nb' | indent }}"));
    }

    @Test
    void b64encodeUsesUtf8() {
        assertEquals("R3LDvMOfZSDinJM=", render("{{ unicode | b64encode }}"));
        assertEquals("", render("{{ blank | b64encode }}"));
    }

    @Test
    void requiredPassesValuesAndFailsWithTheMessage() {
        assertEquals("h: db.internal\n", render("h: {{ database.host | required('database.host is needed') }}\n"));
        UserError undefined = assertThrows(UserError.class,
                () -> render("a: 1\nh: {{ database.cidr | required('set facts.database.cidr for the NetworkPolicy') }}\n"));
        assertEquals(2, undefined.line());
        assertEquals("template error: required value missing: set facts.database.cidr for the NetworkPolicy ('cidr' is undefined)",
                undefined.problem());
        UserError blank = assertThrows(UserError.class, () -> render("h: {{ blank | required('empty is not enough') }}\n"));
        assertEquals("template error: required value missing: empty is not enough", blank.problem());
        UserError none = assertThrows(UserError.class, () -> render("h: {{ nothing | required('none is not enough') }}\n"));
        assertEquals("template error: required value missing: none is not enough", none.problem());
    }

    @Test
    void defaultReplacesUndefinedAndNoneKeepingTypes() {
        String out = render("a: {{ database.cidr | default('0.0.0.0/0') }}\nb: {{ nothing | default(3) }}\n"
                + "c: {{ blank | default('x') }}\nd: {{ blank | default('x', true) }}\ne: {{ database.port | default(1) }}\n"
                + "f: {{ missing | default([]) | tojson }}\n");
        assertEquals("a: 0.0.0.0/0\nb: 3\nc: \nd: x\ne: 5432\nf: []\n", out);
    }

    @Test
    void macroResultsAreCleanValues() {
        String out = render("{% macro name(p) %}{{ p }}-database{% endmacro %}\n"
                + "same: {{ name('jira') == 'jira-database' }}\nlist: {{ [name('jira'), 'x'] | join(',') | quote }}\n"
                + "{% set block %}\nline\n{% endset %}\nlen: {{ block | length }}\n");
        assertEquals("same: true\nlist: \"jira-database,x\"\nlen: 5\n", out);
    }

    @Test
    void definedAndUndefinedTests() {
        assertEquals("true false false true true",
                render("{{ database.host is defined }} {{ database.cidr is defined }} {{ nope is defined }} {{ nope is undefined }} {{ nothing is defined }}"));
    }
}
