package dev.castle.query;

import dev.castle.domain.SchemaVersion;
import dev.castle.domain.json.ResponseBodies;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prepared {@code GET /subjects/{s}/versions/{v}} bodies per subject-version, so a hot read is a map lookup and a write
 * of bytes (the body, with its GUID, is made once). An entry is reused only while the view still holds an equal
 * subject-version; the fold replaces a version it changes, so the check is mostly a reference comparison. At most
 * {@link #MAX_ENTRIES} bodies are kept: past that the cache starts over, so a registry of a million schemas read once
 * each does not keep a second copy of every one. Only the plain answer is kept: one with {@code format} or
 * {@code findTags} is made per request.
 */
final class VersionCache {
    static final int MAX_ENTRIES = 16_384;

    private record Key(String subject, int version) {}

    private record Entry(SchemaVersion source, byte[] body) {}

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    byte[] body(SchemaVersion version) {
        Key key = new Key(version.subject(), version.version());
        Entry entry = entries.get(key);
        if (entry != null && (entry.source() == version || entry.source().equals(version))) {
            return entry.body();
        }
        byte[] body = Json.bytes(ResponseBodies.SchemaEntity.of(version, version.schema()));
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key, new Entry(version, body));
        return body;
    }
}
