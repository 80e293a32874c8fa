package dev.castle.query;

import dev.castle.domain.SchemaVersion;
import dev.castle.domain.json.ResponseBodies;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared {@code GET /schemas/ids/{id}} bodies per context and id, so the hot read is a map lookup and a write of
 * bytes. An entry is reused only while the schema it was made from still has the same content. Only the plain
 * answer is kept: one with {@code format}, {@code fetchMaxId} or {@code findTags} is made per request.
 */
final class IdCache {
    private record Key(String context, int id) {}

    private record Entry(SchemaVersion source, byte[] body) {
        boolean madeFrom(SchemaVersion version) {
            return source.id() == version.id()
                    && source.schemaType() == version.schemaType()
                    && source.schema().equals(version.schema())
                    && source.references().equals(version.references())
                    && Objects.equals(source.metadata(), version.metadata())
                    && Objects.equals(source.ruleSet(), version.ruleSet());
        }
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    /** The body of the plain {@code GET /schemas/ids/{id}} answer for this schema. */
    byte[] body(String context, SchemaVersion version) {
        Key key = new Key(context, version.id());
        Entry entry = entries.get(key);
        if (entry != null && entry.madeFrom(version)) {
            return entry.body();
        }
        byte[] body = Json.bytes(ResponseBodies.SchemaString.of(version, version.schema(), null));
        if (entries.size() >= VersionCache.MAX_ENTRIES) {
            entries.clear(); // bounded, as VersionCache
        }
        entries.put(key, new Entry(version, body));
        return body;
    }
}
