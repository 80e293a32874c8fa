package dev.castle.domain.state;

import dev.castle.domain.SchemaVersion;
import dev.castle.domain.state.Keys.SubjectVersion;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * For each referenced subject-version, the live subject-versions whose references point at it and their ids (spec
 * §2.3 {@code referencedby}, and the check that refuses deleting a referenced schema). Not thread-safe.
 */
final class ReferrerIndex {
    private final Map<SubjectVersion, Map<SubjectVersion, Integer>> referrers = new HashMap<>();

    void link(SchemaVersion schema) {
        SubjectVersion referrer = SubjectVersion.of(schema);
        for (SubjectVersion target : Keys.referenceTargets(schema)) {
            referrers.computeIfAbsent(target, t -> new HashMap<>()).put(referrer, schema.id());
        }
    }

    void unlink(SchemaVersion schema) {
        SubjectVersion referrer = SubjectVersion.of(schema);
        for (SubjectVersion target : Keys.referenceTargets(schema)) {
            Map<SubjectVersion, Integer> edges = referrers.get(target);
            if (edges != null) {
                edges.remove(referrer);
                if (edges.isEmpty()) {
                    referrers.remove(target);
                }
            }
        }
    }

    /** The ids of the live schemas referencing the target, ascending. */
    SortedSet<Integer> referencedBy(SubjectVersion target) {
        Map<SubjectVersion, Integer> edges = referrers.get(target);
        return edges == null
                ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(edges.values()));
    }

    /** Replaces the target's referrers with these. */
    void load(SubjectVersion target, Map<SubjectVersion, Integer> edges) {
        referrers.remove(target);
        if (!edges.isEmpty()) {
            referrers.put(target, new HashMap<>(edges));
        }
    }
}
