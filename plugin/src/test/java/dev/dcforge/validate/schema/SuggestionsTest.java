package dev.dcforge.validate.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SuggestionsTest {
    @Test
    void distanceCountsEditsAndTranspositions() {
        assertEquals(0, Suggestions.distance("image", "image"));
        assertEquals(1, Suggestions.distance("imagePullPolcy", "imagePullPolicy"));
        assertEquals(1, Suggestions.distance("lables", "labels"));
        assertEquals(3, Suggestions.distance("abc", ""));
    }

    @Test
    void suggestsOnlyCloseNames() {
        List<String> fields = List.of("image", "imagePullPolicy", "name", "ports", "resources");
        assertEquals("imagePullPolicy", Suggestions.nearest("imagePullPolcy", fields));
        assertEquals("imagePullPolicy", Suggestions.nearest("imagepullpolicy", fields));
        assertEquals("resources", Suggestions.nearest("resource", fields));
        assertNull(Suggestions.nearest("sidecarMagic", fields));
        assertNull(Suggestions.nearest("x", List.of()));
    }
}
