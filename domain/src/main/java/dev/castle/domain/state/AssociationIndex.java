package dev.castle.domain.state;

import dev.castle.domain.Association;
import dev.castle.domain.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The associations folded from ASSOC records (Confluent 8.x), by record key, with lookups by subject and by resource
 * id. An association keeps the timestamp of the record that first created its key; each rewrite updates the other.
 * Not thread-safe: {@link RegistryModel} guards it with its lock.
 */
final class AssociationIndex {
    private final TreeMap<Association.Key, Association> byKey = new TreeMap<>(Association.Key.ORDER);
    private final Map<String, Set<Association.Key>> bySubject = new HashMap<>();
    private final Map<String, Set<Association.Key>> byResourceId = new HashMap<>();

    /** Applies an ASSOC record's event; other events are ignored. */
    void apply(Event event) {
        if (event instanceof Event.AssociationUpserted upserted) {
            put(upserted.association());
        } else if (event instanceof Event.AssociationTombstoned tombstoned) {
            remove(tombstoned.key());
        }
    }

    private void put(Association association) {
        Association.Key key = association.key();
        Association previous = remove(key);
        Long created = previous != null && previous.createTimestamp() != null
                ? previous.createTimestamp()
                : association.updateTimestamp();
        byKey.put(key, association.withTimestamps(created, association.updateTimestamp()));
        bySubject
                .computeIfAbsent(key.subject(), s -> new TreeSet<>(Association.Key.ORDER))
                .add(key);
        byResourceId
                .computeIfAbsent(association.resourceId(), id -> new TreeSet<>(Association.Key.ORDER))
                .add(key);
    }

    private Association remove(Association.Key key) {
        Association removed = byKey.remove(key);
        if (removed != null) {
            unlink(bySubject, key.subject(), key);
            unlink(byResourceId, removed.resourceId(), key);
        }
        return removed;
    }

    private static void unlink(Map<String, Set<Association.Key>> index, String name, Association.Key key) {
        Set<Association.Key> keys = index.get(name);
        if (keys != null) {
            keys.remove(key);
            if (keys.isEmpty()) {
                index.remove(name);
            }
        }
    }

    List<Association> bySubject(String subject) {
        return resolve(bySubject.get(subject));
    }

    List<Association> byResourceId(String resourceId) {
        return resolve(byResourceId.get(resourceId));
    }

    List<Association> all() {
        return List.copyOf(byKey.values());
    }

    private List<Association> resolve(Set<Association.Key> keys) {
        if (keys == null) {
            return List.of();
        }
        List<Association> found = new ArrayList<>(keys.size());
        keys.forEach(key -> found.add(byKey.get(key)));
        return List.copyOf(found);
    }
}
