package dev.castle.domain.state;

import dev.castle.domain.ConfigValue;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.SchemaFingerprint;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.state.Keys.ContextFingerprint;
import dev.castle.domain.state.Keys.ContextId;
import dev.castle.domain.state.Keys.SubjectVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * The fold's indexes and the effect of each event on them (spec §5.4), without locking. {@link RegistryModel} guards
 * one instance with a lock; {@link Overlay} uses one as a scratch layer it hydrates from its base before each event.
 */
final class RegistryIndexes {
    /** {@code "."} first, then the named contexts in natural order. */
    static final Comparator<String> CONTEXT_ORDER = Comparator.comparing(
                    (String context) -> !QualifiedSubject.DEFAULT_CONTEXT.equals(context))
            .thenComparing(Comparator.naturalOrder());

    private final TreeMap<String, SubjectVersions> subjects = new TreeMap<>();
    private final Map<ContextId, IdBinding> ids = new HashMap<>();
    private final Map<ContextFingerprint, Integer> fingerprints = new HashMap<>();
    private final Map<String, Integer> maxIds = new HashMap<>();
    private final Map<SubjectVersion, Map<SubjectVersion, Integer>> referrers = new HashMap<>();
    private final Map<String, ConfigValue> configs = new HashMap<>();
    private final Map<String, Mode> modes = new HashMap<>();
    private final TreeSet<String> contexts = new TreeSet<>(CONTEXT_ORDER);
    final AssociationIndex associations = new AssociationIndex();

    /**
     * The content an id is bound to and the subject-versions carrying it, in order of appearance. Almost every id has
     * one carrier, held in a field; a set (about 200 bytes) is made only for the second, which at a million schemas is
     * the difference between 950 and about 750 bytes of heap per schema.
     */
    private static final class IdBinding {
        /** The content's fingerprint, its 16 bytes as two longs. */
        final long high;

        final long low;
        /** The one carrier, or null when there are none or several. */
        private SubjectVersion only;
        /** Every carrier when there are several, else null. */
        private LinkedHashSet<SubjectVersion> several;

        IdBinding(String fingerprint) {
            this.high = Keys.high(fingerprint);
            this.low = Keys.low(fingerprint);
        }

        boolean boundTo(String fingerprint) {
            return high == Keys.high(fingerprint) && low == Keys.low(fingerprint);
        }

        void add(SubjectVersion member) {
            if (several != null) {
                several.add(member);
            } else if (only == null) {
                only = member;
            } else if (!only.equals(member)) {
                several = new LinkedHashSet<>();
                several.add(only);
                several.add(member);
                only = null;
            }
        }

        void remove(SubjectVersion member) {
            if (several == null) {
                if (member.equals(only)) {
                    only = null;
                }
                return;
            }
            several.remove(member);
            if (several.size() <= 1) {
                only = several.isEmpty() ? null : several.iterator().next();
                several = null;
            }
        }

        boolean isEmpty() {
            return only == null && several == null;
        }

        List<SubjectVersion> members() {
            if (several != null) {
                return List.copyOf(several);
            }
            return only == null ? List.of() : List.of(only);
        }
    }

    RegistryIndexes() {
        contexts.add(QualifiedSubject.DEFAULT_CONTEXT);
    }

    /**
     * Applies one event. {@code fingerprint} is the content hash of a {@link Event.SchemaUpserted}'s schema (computed
     * by the caller, outside any lock), else ignored. Returns false when the event contradicts the state and was skipped.
     */
    boolean apply(Event event, String fingerprint) {
        if (event instanceof Event.SchemaUpserted upserted) {
            return upsert(upserted.schema(), fingerprint);
        } else if (event instanceof Event.SchemaTombstoned tombstoned) {
            remove(tombstoned.subject(), tombstoned.version());
        } else if (event instanceof Event.ConfigSet set) {
            configs.put(set.subject(), set.config());
        } else if (event instanceof Event.ConfigCleared cleared) {
            configs.remove(cleared.subject());
        } else if (event instanceof Event.ModeSet set) {
            modes.put(set.subject(), set.mode());
        } else if (event instanceof Event.ModeCleared cleared) {
            modes.remove(cleared.subject());
        } else if (event instanceof Event.SubjectDeleted deleted) {
            softDelete(deleted.subject(), deleted.version());
        } else if (event instanceof Event.SubjectCleared cleared) {
            clear(cleared.subject());
        } else if (event instanceof Event.ContextAdded added) {
            contexts.add(added.context());
        } else if (event instanceof Event.ContextDeleted deleted) {
            contexts.remove(deleted.context());
            contexts.add(QualifiedSubject.DEFAULT_CONTEXT);
        } else if (event instanceof Event.AssociationUpserted || event instanceof Event.AssociationTombstoned) {
            associations.apply(event);
        } else if (!(event instanceof Event.Noop)) {
            throw new IllegalArgumentException("Unknown event " + event);
        }
        return true;
    }

    /** True when a SCHEMA with this content and id would contradict the id's existing binding. */
    boolean conflicts(SchemaVersion schema, String fingerprint) {
        IdBinding bound = ids.get(new ContextId(schema.context(), schema.id()));
        return bound != null && !bound.boundTo(fingerprint);
    }

    private boolean upsert(SchemaVersion schema, String fingerprint) {
        if (conflicts(schema, fingerprint)) {
            return false;
        }
        String context = schema.context();
        SchemaVersion previous = subjects.computeIfAbsent(schema.subject(), s -> new SubjectVersions())
                .put(schema);
        if (previous != null) {
            unlinkReferences(previous);
            if (previous.id() != schema.id()) {
                unbindId(previous);
            }
        }
        ids.computeIfAbsent(new ContextId(context, schema.id()), k -> new IdBinding(fingerprint))
                .add(SubjectVersion.of(schema));
        fingerprints.put(ContextFingerprint.of(context, fingerprint), schema.id());
        maxIds.merge(context, schema.id(), Math::max);
        contexts.add(context);
        if (!schema.deleted()) {
            linkReferences(schema);
        }
        return true;
    }

    private void remove(String subject, int version) {
        SubjectVersions versions = subjects.get(subject);
        if (versions == null) {
            return;
        }
        SchemaVersion removed = versions.remove(version);
        if (versions.isEmpty()) {
            subjects.remove(subject);
        }
        if (removed != null) {
            unlinkReferences(removed);
            unbindId(removed);
        }
    }

    private void softDelete(String subject, int upTo) {
        SubjectVersions versions = subjects.get(subject);
        if (versions != null) {
            versions.softDelete(upTo, this::unlinkReferences);
        }
    }

    private void clear(String subject) {
        for (String name : matching(subject, subjects.navigableKeySet())) {
            SubjectVersions versions = subjects.get(name);
            versions.removeDeleted(this::unbindId);
            if (versions.isEmpty()) {
                subjects.remove(name);
            }
        }
    }

    /** The subjects among {@code candidates} a CLEAR_SUBJECT addresses: the exact one, or all of a bare context. */
    static List<String> matching(String subject, SortedSet<String> candidates) {
        QualifiedSubject qualified = QualifiedSubject.parse(subject);
        if (!qualified.isContextLevel()) {
            return candidates.contains(subject) ? List.of(subject) : List.of();
        }
        return subjectsIn(qualified.context(), candidates);
    }

    private static List<String> subjectsIn(String context, SortedSet<String> candidates) {
        List<String> names = new ArrayList<>();
        if (QualifiedSubject.DEFAULT_CONTEXT.equals(context)) {
            for (String name : candidates) {
                if (QualifiedSubject.parse(name).isDefaultContext()) {
                    names.add(name);
                }
            }
        } else {
            String prefix = ":" + context + ":";
            names.addAll(candidates.subSet(prefix, ":" + context + ";"));
        }
        return names;
    }

    private void unbindId(SchemaVersion schema) {
        ContextId key = new ContextId(schema.context(), schema.id());
        IdBinding binding = ids.get(key);
        if (binding != null) {
            binding.remove(SubjectVersion.of(schema));
            if (binding.isEmpty()) {
                ids.remove(key);
            }
        }
    }

    private void linkReferences(SchemaVersion schema) {
        SubjectVersion referrer = SubjectVersion.of(schema);
        for (SubjectVersion target : Keys.referenceTargets(schema)) {
            referrers.computeIfAbsent(target, t -> new HashMap<>()).put(referrer, schema.id());
        }
    }

    private void unlinkReferences(SchemaVersion schema) {
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

    // ---- reads (callers hold whatever lock they need) ----

    List<SchemaVersion> versions(String subject) {
        SubjectVersions versions = subjects.get(subject);
        return versions == null ? List.of() : versions.list();
    }

    Optional<SchemaVersion> latest(String subject, boolean includeDeleted) {
        SubjectVersions versions = subjects.get(subject);
        return versions == null ? Optional.empty() : versions.latest(includeDeleted);
    }

    Optional<SchemaVersion> version(String subject, int version) {
        SubjectVersions versions = subjects.get(subject);
        return versions == null ? Optional.empty() : Optional.ofNullable(versions.get(version));
    }

    NavigableMap<String, SubjectVersions> subjectMap() {
        return subjects;
    }

    SortedSet<String> subjects() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(subjects.keySet()));
    }

    List<SchemaVersion> versionsById(String context, int id) {
        return resolve(carriers(context, id), this::version);
    }

    /** The subject-versions carrying the id, in order of appearance. */
    List<SubjectVersion> carriers(String context, int id) {
        IdBinding binding = ids.get(new ContextId(context, id));
        return binding == null ? List.of() : binding.members();
    }

    /** Looks each subject-version up with {@code lookup}, dropping those it does not find. */
    static List<SchemaVersion> resolve(
            List<SubjectVersion> members, BiFunction<String, Integer, Optional<SchemaVersion>> lookup) {
        List<SchemaVersion> found = new ArrayList<>(members.size());
        for (SubjectVersion member : members) {
            lookup.apply(member.subject(), member.version()).ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    int maxId(String context) {
        return maxIds.getOrDefault(context, 0);
    }

    /** The id last recorded for this content, whether or not it still has subject-versions. */
    Integer fingerprintEntry(String context, String fingerprint) {
        return fingerprints.get(ContextFingerprint.of(context, fingerprint));
    }

    /** Whether the id has subject-versions and is bound to the content with this fingerprint. */
    boolean boundTo(String context, int id, String fingerprint) {
        IdBinding binding = ids.get(new ContextId(context, id));
        return binding != null && binding.boundTo(fingerprint);
    }

    OptionalInt idByFingerprint(String context, String fingerprint) {
        Integer id = fingerprintEntry(context, fingerprint);
        return id != null && boundTo(context, id, fingerprint) ? OptionalInt.of(id) : OptionalInt.empty();
    }

    SortedSet<Integer> referencedBy(String subject, int version) {
        Map<SubjectVersion, Integer> edges = referrers.get(SubjectVersion.normalized(subject, version));
        return edges == null
                ? Collections.emptySortedSet()
                : Collections.unmodifiableSortedSet(new TreeSet<>(edges.values()));
    }

    Optional<ConfigValue> config(String subject) {
        return Optional.ofNullable(configs.get(subject));
    }

    Optional<Mode> mode(String subject) {
        return Optional.ofNullable(modes.get(subject));
    }

    SortedSet<String> contexts() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(contexts));
    }

    // ---- hydration by an Overlay: copy a piece of its base in before an event touches it ----

    void loadSubject(String subject, List<SchemaVersion> versions) {
        subjects.remove(subject);
        if (!versions.isEmpty()) {
            SubjectVersions copy = new SubjectVersions();
            versions.forEach(copy::put);
            subjects.put(subject, copy);
        }
    }

    void loadId(String context, int id, List<SchemaVersion> carriers) {
        ContextId key = new ContextId(context, id);
        ids.remove(key);
        if (!carriers.isEmpty()) {
            IdBinding binding = new IdBinding(SchemaFingerprint.of(carriers.get(0)));
            carriers.forEach(v -> binding.add(SubjectVersion.of(v)));
            ids.put(key, binding);
        }
    }

    void loadReferrers(SubjectVersion target, Map<SubjectVersion, Integer> edges) {
        referrers.remove(target);
        if (!edges.isEmpty()) {
            referrers.put(target, new HashMap<>(edges));
        }
    }
}
