package dev.castle.domain.decide;

import dev.castle.domain.SchemaType;
import dev.castle.domain.format.ParsedSchema;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Remembers parsed schemas by their full input (type, text, resolved reference texts), so re-registrations, compatibility
 * checks, dedup scans and {@code format=} renderings do not re-parse the same schemas. Keyed by content, it can never
 * answer for a different schema. Reads take no lock (a hot re-registration from many connections hits it on every
 * request); it is bounded by starting over once it holds {@code capacity} schemas, which a working set smaller than
 * the capacity never sees.
 */
final class ParsedSchemaCache {
    private record Key(SchemaType type, String schema, Map<String, String> references) {}

    private final Map<Key, ParsedSchema> parsed = new ConcurrentHashMap<>();
    private final int capacity;

    ParsedSchemaCache(int capacity) {
        this.capacity = capacity;
    }

    ParsedSchema get(SchemaType type, String schema, Map<String, String> references, Supplier<ParsedSchema> parse) {
        Key key = new Key(type, schema, references.isEmpty() ? Map.of() : Map.copyOf(references));
        ParsedSchema known = parsed.get(key);
        if (known != null) {
            return known;
        }
        ParsedSchema fresh = parse.get();
        if (parsed.size() >= capacity) {
            parsed.clear();
        }
        parsed.put(key, fresh);
        return fresh;
    }
}
