package dev.dcforge.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Parsed YAML/JSON files by path, reused while the file's text is the same (compared in full, so an edit is
 * never missed, whatever the file times say). Bounded: least recently used files and large files are not kept.
 * Hands out copies, never the cached tree.
 */
final class ParsedFileCache {
    private record Entry(String text, JsonNode tree) {
    }

    private final int maxEntries;
    private final int maxChars;
    private final Map<Path, Entry> entries;

    ParsedFileCache(int maxEntries, int maxChars) {
        this.maxEntries = maxEntries;
        this.maxChars = maxChars;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Path, Entry> eldest) {
                return size() > ParsedFileCache.this.maxEntries;
            }
        };
    }

    JsonNode parse(Path file, String text, Supplier<JsonNode> parser) {
        if (text.length() > maxChars) {
            return parser.get();
        }
        Path key = file.toAbsolutePath().normalize();
        Entry entry;
        synchronized (entries) {
            entry = entries.get(key);
        }
        if (entry != null && entry.text().equals(text)) {
            return entry.tree().deepCopy();
        }
        JsonNode tree = parser.get();
        synchronized (entries) {
            entries.put(key, new Entry(text, tree.deepCopy()));
        }
        return tree;
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
