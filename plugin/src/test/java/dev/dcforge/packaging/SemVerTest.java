package dev.dcforge.packaging;

import dev.dcforge.support.UserError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SemVerTest {
    @Test
    void mavenVersionsBecomeSemVer() {
        assertEquals("1.2.0-SNAPSHOT", SemVer.fromMaven("1.2-SNAPSHOT", "pom.xml"));
        assertEquals("1.2.3-SNAPSHOT", SemVer.fromMaven("1.2.3-SNAPSHOT", "pom.xml"));
        assertEquals("1.0.0", SemVer.fromMaven("1", "pom.xml"));
        assertEquals("2.0.1-4", SemVer.fromMaven("2.0.1.4", "pom.xml"));
        assertEquals("1.0.0-rc.1", SemVer.fromMaven("1.0.0-rc.01", "pom.xml"));
        assertEquals("3.1.0-Final", SemVer.fromMaven("03.1.Final", "pom.xml"));
        assertEquals("1.0.0-a-b", SemVer.fromMaven("1.0.0-a_b", "pom.xml"));
        for (String v : List.of("1.2-SNAPSHOT", "1.2.3-SNAPSHOT", "2.0.1.4", "1.0.0-rc.01")) {
            assertTrue(SemVer.isValid(SemVer.fromMaven(v, "pom.xml")), v);
        }
        UserError e = assertThrows(UserError.class, () -> SemVer.fromMaven("latest", "/p/pom.xml"));
        assertTrue(e.getMessage().startsWith("/p/pom.xml: project version 'latest'"), e.getMessage());
        assertFalse(SemVer.isValid("1.0.0-SNAP SHOT"));
    }

    @Test
    void ordersAsSemVer() {
        List<String> versions = new ArrayList<>(List.of("1.0.0", "1.0.0-SNAPSHOT", "1.10.0", "1.2.0", "1.0.0-rc.2",
                "1.0.0-rc.10", "1.0.0-alpha"));
        versions.sort(SemVer::compare);
        assertEquals(List.of("1.0.0-SNAPSHOT", "1.0.0-alpha", "1.0.0-rc.2", "1.0.0-rc.10", "1.0.0", "1.2.0", "1.10.0"), versions);
    }
}
