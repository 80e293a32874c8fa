package dev.castle.domain.state;

import dev.castle.domain.Association;
import dev.castle.domain.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The ASSOC records an {@link Overlay} has applied over its base: each key's newest association, or its deletion.
 * Reads merge them into what the base answers.
 */
final class AssociationChanges {
    /** Each changed key's association, or null once deleted. */
    private final Map<Association.Key, Association> changed = new HashMap<>();

    /** Records an ASSOC event; true when it was one. */
    boolean apply(Event event) {
        if (event instanceof Event.AssociationUpserted upserted) {
            changed.put(upserted.association().key(), upserted.association());
            return true;
        } else if (event instanceof Event.AssociationTombstoned tombstoned) {
            changed.put(tombstoned.key(), null);
            return true;
        }
        return false;
    }

    /** The base's answer with the changes applied: changed keys dropped, their new values kept if they match. */
    List<Association> merge(List<Association> fromBase, Predicate<Association> matches) {
        if (changed.isEmpty()) {
            return fromBase;
        }
        List<Association> merged = new ArrayList<>(fromBase.size());
        for (Association association : fromBase) {
            if (!changed.containsKey(association.key())) {
                merged.add(association);
            }
        }
        for (Association association : changed.values()) {
            if (association != null && matches.test(association)) {
                merged.add(association);
            }
        }
        merged.sort(Association.ORDER);
        return List.copyOf(merged);
    }
}
