package dev.castle.domain.state;

import dev.castle.domain.ConfigValue;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.SchemaFingerprint;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.state.Keys.SubjectVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
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
    private final IdIndex ids = new IdIndex();
    private final FingerprintIndex fingerprints = new FingerprintIndex();
    private final ReferrerIndex referrers = new ReferrerIndex();
    private final Map<String, ConfigValue> configs = new HashMap<>();
    private final Map<String, Mode> modes = new HashMap<>();
    private final TreeSet<String> contexts = new TreeSet<>(CONTEXT_ORDER);
    /** The subject names handed to readers, made on the first read after the names last changed. */
    private volatile SortedNames subjectNames;

    final AssociationIndex associations = new AssociationIndex();

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
        return ids.boundElsewhere(schema.context(), schema.id(), fingerprint);
    }

    private boolean upsert(SchemaVersion schema, String fingerprint) {
        if (conflicts(schema, fingerprint)) {
            return false;
        }
        String context = schema.context();
        SubjectVersions versions = subjects.get(schema.subject());
        if (versions == null) {
            versions = new SubjectVersions();
            subjects.put(schema.subject(), versions);
            subjectNames = null;
        }
        SchemaVersion previous = versions.put(schema);
        if (previous != null) {
            referrers.unlink(previous);
            if (previous.id() != schema.id()) {
                unbindId(previous);
            }
        }
        ids.bind(context, schema.id(), fingerprint, SubjectVersion.of(schema));
        fingerprints.record(context, fingerprint, schema.id());
        contexts.add(context);
        if (!schema.deleted()) {
            referrers.link(schema);
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
            subjectNames = null;
        }
        if (removed != null) {
            referrers.unlink(removed);
            unbindId(removed);
        }
    }

    private void softDelete(String subject, int upTo) {
        SubjectVersions versions = subjects.get(subject);
        if (versions != null) {
            versions.softDelete(upTo, referrers::unlink);
        }
    }

    private void clear(String subject) {
        for (String name : QualifiedSubject.matching(subject, subjects.navigableKeySet())) {
            SubjectVersions versions = subjects.get(name);
            versions.removeDeleted(this::unbindId);
            if (versions.isEmpty()) {
                subjects.remove(name);
                subjectNames = null;
            }
        }
    }

    private void unbindId(SchemaVersion schema) {
        ids.unbind(schema.context(), schema.id(), SubjectVersion.of(schema));
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

    /** A sorted snapshot of the subject names, shared by readers until a subject appears or disappears. */
    SortedSet<String> subjects() {
        SortedNames names = subjectNames;
        if (names == null) {
            names = SortedNames.of(subjects.keySet());
            subjectNames = names;
        }
        return names;
    }

    List<SchemaVersion> versionsById(String context, int id) {
        return resolve(carriers(context, id), this::version);
    }

    /** The subject-versions carrying the id, in order of appearance. */
    List<SubjectVersion> carriers(String context, int id) {
        return ids.carriers(context, id);
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
        return ids.maxId(context);
    }

    /** The id last recorded for this content, whether or not it still has subject-versions. */
    OptionalInt fingerprintEntry(String context, String fingerprint) {
        return fingerprints.id(context, fingerprint);
    }

    /** Whether the id has subject-versions and is bound to the content with this fingerprint. */
    boolean boundTo(String context, int id, String fingerprint) {
        return ids.boundTo(context, id, fingerprint);
    }

    OptionalInt idByFingerprint(String context, String fingerprint) {
        OptionalInt id = fingerprints.id(context, fingerprint);
        return id.isPresent() && ids.boundTo(context, id.getAsInt(), fingerprint) ? id : OptionalInt.empty();
    }

    SortedSet<Integer> referencedBy(String subject, int version) {
        return referrers.referencedBy(SubjectVersion.normalized(subject, version));
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
        subjectNames = null;
        if (!versions.isEmpty()) {
            SubjectVersions copy = new SubjectVersions();
            versions.forEach(copy::put);
            subjects.put(subject, copy);
        }
    }

    void loadId(String context, int id, List<SchemaVersion> carriers) {
        String fingerprint = carriers.isEmpty() ? null : SchemaFingerprint.of(carriers.get(0));
        ids.load(
                context,
                id,
                fingerprint,
                carriers.stream().map(SubjectVersion::of).toList());
    }

    void loadReferrers(SubjectVersion target, Map<SubjectVersion, Integer> edges) {
        referrers.load(target, edges);
    }
}
