package dev.dcforge.render;

import dev.dcforge.TestFiles;
import dev.dcforge.support.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackTest {
    @TempDir
    Path tmp;

    private Stack load(String text) {
        return Stack.load(TestFiles.write(tmp.resolve("stack.yaml"), text));
    }

    private UserError fails(String text) {
        return assertThrows(UserError.class, () -> load(text));
    }

    @Test
    void environmentsMergeFactsAndReplaceProductsAndProfiles() {
        Stack stack = load("""
                facts:
                  domain: example.com
                  database:
                    host: db.shared
                    names: {jira: jira, confluence: confluence}
                products: [jira, confluence]
                profiles:
                  jira: [ha]
                  confluence: [ha, managed-synchrony]
                environments:
                  dev:
                    products: [confluence]
                    profiles:
                      confluence: [managed-synchrony]
                    facts:
                      database: {host: db.dev}
                  prod:
                """);
        Stack.Environment dev = stack.environments().get("dev");
        assertEquals(List.of("confluence"), dev.products());
        assertEquals("db.dev", dev.facts().path("database").path("host").asText());
        assertEquals("jira", dev.facts().path("database").path("names").path("jira").asText(), "facts deep-merge");
        assertEquals(List.of("managed-synchrony"), dev.profilesOf("confluence").stream().map(Stack.ProfileRef::name).toList());
        Stack.Environment prod = stack.environments().get("prod");
        assertEquals(List.of("jira", "confluence"), prod.products());
        assertEquals(List.of("ha", "managed-synchrony"), prod.profilesOf("confluence").stream().map(Stack.ProfileRef::name).toList());
        assertEquals("prod", prod.namespace(), "namespace defaults to the environment name");
        assertEquals(9, stack.line(prod.profilesOf("confluence").get(0).stackPath()), "profile refs keep their stack line");
    }

    @Test
    void typoInFactsNamesFileLineAndAllowedKeys() {
        UserError e = fails("""
                facts:
                  domain: example.com
                  databse:
                    host: db
                products: [jira]
                environments:
                  dev: {}
                """);
        assertEquals(tmp.resolve("stack.yaml").toString(), e.file());
        assertEquals(3, e.line());
        assertEquals("unknown key 'databse' in facts", e.problem());
        assertEquals("use one of the allowed keys: custom, database, domain, imageRegistry, ingress, kubernetesVersion, "
                + "licenseSecrets, namespace, replicas, storage", e.hint());
    }

    @Test
    void typoInsideAnEnvironmentsNestedFactsIsFound() {
        UserError e = fails("""
                products: [jira]
                environments:
                  dev: {}
                  prod:
                    facts:
                      ingress:
                        clasName: nginx
                """);
        assertEquals(7, e.line());
        assertEquals("unknown key 'clasName' in environments.prod.facts.ingress", e.problem());
        assertEquals("use one of the allowed keys: className, controllerNamespace, https, tlsSecret", e.hint());
    }

    @Test
    void unknownTopLevelAndEnvironmentKeys() {
        UserError top = fails("products: [jira]\nenvironment:\n  dev: {}\n");
        assertTrue(top.getMessage().contains("stack.yaml:2: unknown key 'environment' at the top level"), top.getMessage());
        assertTrue(top.getMessage().contains("required property 'environments' not found"), top.getMessage());
        UserError env = fails("products: [jira]\nenvironments:\n  dev:\n    product: [jira]\n");
        assertEquals(4, env.line());
        assertEquals("unknown key 'product' in environments.dev", env.problem());
        assertEquals("use one of the allowed keys: facts, products, profiles", env.hint());
    }

    @Test
    void wrongTypesAndBadNamesFailOnTheirLine() {
        UserError port = fails("facts:\n  database:\n    port: '5432'\nproducts: [jira]\nenvironments:\n  dev: {}\n");
        assertEquals(3, port.line());
        assertEquals("facts.database.port: string found, integer expected", port.problem());
        UserError env = fails("products: [jira]\nenvironments:\n  Dev_1: {}\n");
        assertEquals(3, env.line());
        assertTrue(env.problem().contains("does not match the regex pattern"), env.problem());
        UserError version = fails("facts:\n  kubernetesVersion: latest\nproducts: [jira]\nenvironments:\n  dev: {}\n");
        assertEquals(2, version.line());
    }

    @Test
    void environmentWithoutProductsIsAnError() {
        UserError e = fails("environments:\n  dev: {}\n");
        assertEquals(2, e.line());
        assertEquals("environment 'dev' runs no products", e.problem());
    }

    @Test
    void customFactsAreFreeForm() {
        Stack stack = load("facts:\n  custom:\n    anything: [1, 2]\nproducts: [jira]\nenvironments:\n  dev: {}\n");
        assertEquals(2, stack.environments().get("dev").facts().path("custom").path("anything").size());
    }
}
