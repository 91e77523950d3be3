package dev.dcforge.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

class ParsedFileCacheTest {
    @TempDir
    Path dir;

    @Test
    void sameTextIsParsedOnceAndHandedOutAsCopies() {
        ParsedFileCache cache = new ParsedFileCache(8, 1000);
        AtomicInteger parses = new AtomicInteger();
        Path file = dir.resolve("values.yaml");
        JsonNode first = cache.parse(file, "a: 1", () -> {
            parses.incrementAndGet();
            return Yaml.parse("a: 1", "x");
        });
        ((ObjectNode) first).put("a", 2); // a caller changing its tree does not change the cache
        JsonNode second = cache.parse(file, "a: 1", () -> {
            parses.incrementAndGet();
            return Yaml.parse("a: 1", "x");
        });
        assertEquals(1, parses.get());
        assertEquals(1, second.path("a").asInt());
        assertNotSame(first, second);
    }

    @Test
    void changedTextIsParsedAgain() {
        ParsedFileCache cache = new ParsedFileCache(8, 1000);
        Path file = dir.resolve("values.yaml");
        cache.parse(file, "a: 1", () -> Yaml.parse("a: 1", "x"));
        assertEquals(2, cache.parse(file, "a: 2", () -> Yaml.parse("a: 2", "x")).path("a").asInt());
    }

    @Test
    void boundedBySizeAndCount() {
        ParsedFileCache cache = new ParsedFileCache(2, 10);
        cache.parse(dir.resolve("big"), "a: 12345678901", () -> Yaml.parse("a: 12345678901", "x"));
        assertEquals(0, cache.size());
        for (int i = 0; i < 5; i++) {
            cache.parse(dir.resolve("f" + i), "a: " + i, () -> Yaml.parse("a: 1", "x"));
        }
        assertEquals(2, cache.size());
    }

    @Test
    void yamlReadSeesAnEditWithTheSameSizeAndTime() throws Exception {
        Path file = dir.resolve("values.yaml");
        Files.writeString(file, "a: 1\n");
        FileTime time = Files.getLastModifiedTime(file);
        assertEquals(1, Yaml.read(file).path("a").asInt());
        Files.writeString(file, "a: 2\n");
        Files.setLastModifiedTime(file, time);
        assertEquals(2, Yaml.read(file).path("a").asInt());
    }
}
