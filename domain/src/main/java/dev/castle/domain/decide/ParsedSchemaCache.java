package dev.castle.domain.decide;

import dev.castle.domain.SchemaType;
import dev.castle.domain.format.ParsedSchema;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Remembers parsed stored schemas by their full input (type, text, resolved reference texts), so compatibility checks,
 * dedup scans and {@code format=} renderings do not re-parse the same versions. Keyed by content, it can never answer
 * for a different schema; bounded, least recently used first out; safe for concurrent readers.
 */
final class ParsedSchemaCache {
    private record Key(SchemaType type, String schema, Map<String, String> references) {}

    private final Map<Key, ParsedSchema> parsed;

    ParsedSchemaCache(int capacity) {
        this.parsed = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, ParsedSchema> eldest) {
                return size() > capacity;
            }
        });
    }

    ParsedSchema get(SchemaType type, String schema, Map<String, String> references, Supplier<ParsedSchema> parse) {
        Key key = new Key(type, schema, Map.copyOf(references));
        ParsedSchema known = parsed.get(key);
        if (known != null) {
            return known;
        }
        ParsedSchema fresh = parse.get();
        parsed.put(key, fresh);
        return fresh;
    }
}
