package dev.castle.domain.state;

import dev.castle.domain.Association;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaFingerprint;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.state.Keys.ContextId;
import dev.castle.domain.state.Keys.SubjectVersion;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A scratch layer over a {@link RegistryView} on which the leader folds the events of earlier commands of a batch so
 * that later commands see them, without touching the base (DESIGN §5).
 *
 * <p>Before an event is applied, every piece of state it reads or changes (its subjects, the ids it binds or unbinds,
 * the referenced-by entries of its references, its config or mode key) is copied from the base into a private
 * {@link RegistryIndexes}; the event is then applied there by the same code that folds the log. Reads answer from the
 * scratch for copied pieces and from the base otherwise, so an overlay costs what its events touch, not the size of the
 * base. Not thread-safe: one leader thread owns it.
 */
public final class Overlay implements RegistryView {
    private final RegistryView base;
    private final RegistryIndexes scratch = new RegistryIndexes();
    private final Set<String> copiedSubjects = new HashSet<>();
    private final Set<ContextId> copiedIds = new HashSet<>();
    private final Set<SubjectVersion> copiedTargets = new HashSet<>();
    private final Set<String> touchedConfigs = new HashSet<>();
    private final Set<String> touchedModes = new HashSet<>();
    private final AssociationChanges associations = new AssociationChanges();
    private final Set<String> deletedContexts = new HashSet<>();

    public Overlay(RegistryView base) {
        this.base = base;
    }

    /** Applies the event to the overlay only; false when it contradicts the state (as the fold would skip it). */
    public boolean apply(Event event) {
        if (associations.apply(event)) {
            return true;
        }
        if (event instanceof Event.ContextDeleted deleted) {
            deletedContexts.add(deleted.context());
        } else if (event instanceof Event.ContextAdded added) {
            deletedContexts.remove(added.context());
        }
        String fingerprint = null;
        if (event instanceof Event.SchemaUpserted upserted) {
            fingerprint = SchemaFingerprint.of(upserted.schema());
            copyForUpsert(upserted.schema());
        } else if (event instanceof Event.SchemaTombstoned tombstoned) {
            copyForRemoval(tombstoned.subject(), tombstoned.version());
        } else if (event instanceof Event.SubjectDeleted deleted) {
            copyForSoftDelete(deleted.subject());
        } else if (event instanceof Event.SubjectCleared cleared) {
            copyForClear(cleared.subject());
        } else if (event instanceof Event.ConfigSet set) {
            touchedConfigs.add(set.subject());
        } else if (event instanceof Event.ConfigCleared cleared) {
            touchedConfigs.add(cleared.subject());
        } else if (event instanceof Event.ModeSet set) {
            touchedModes.add(set.subject());
        } else if (event instanceof Event.ModeCleared cleared) {
            touchedModes.add(cleared.subject());
        }
        return scratch.apply(event, fingerprint);
    }

    private void copyForUpsert(SchemaVersion schema) {
        copySubject(schema.subject());
        copyId(schema.context(), schema.id());
        copyTargets(schema);
        scratch.version(schema.subject(), schema.version()).ifPresent(previous -> {
            copyId(previous.context(), previous.id());
            copyTargets(previous);
        });
    }

    private void copyForRemoval(String subject, int version) {
        copySubject(subject);
        scratch.version(subject, version).ifPresent(previous -> {
            copyId(previous.context(), previous.id());
            copyTargets(previous);
        });
    }

    private void copyForSoftDelete(String subject) {
        copySubject(subject);
        scratch.versions(subject).forEach(this::copyTargets);
    }

    private void copyForClear(String subject) {
        for (String name : QualifiedSubject.matching(subject, subjects())) {
            copySubject(name);
            for (SchemaVersion version : scratch.versions(name)) {
                copyId(version.context(), version.id());
            }
        }
    }

    private void copySubject(String subject) {
        if (copiedSubjects.add(subject)) {
            scratch.loadSubject(subject, base.versions(subject));
        }
    }

    private void copyId(String context, int id) {
        if (copiedIds.add(new ContextId(context, id))) {
            scratch.loadId(context, id, base.versionsById(context, id));
        }
    }

    private void copyTargets(SchemaVersion schema) {
        for (SubjectVersion target : Keys.referenceTargets(schema)) {
            if (copiedTargets.add(target)) {
                scratch.loadReferrers(target, referrersInBase(target));
            }
        }
    }

    /** The live subject-versions of the base that reference the target, with their ids, in every context. */
    private Map<SubjectVersion, Integer> referrersInBase(SubjectVersion target) {
        Map<SubjectVersion, Integer> edges = new HashMap<>();
        SortedSet<Integer> ids = base.referencedBy(target.subject(), target.version());
        if (ids.isEmpty()) {
            return edges;
        }
        SortedSet<String> contexts = base.contexts();
        for (int id : ids) {
            for (String context : contexts) {
                for (SchemaVersion referrer : base.versionsById(context, id)) {
                    if (!referrer.deleted() && Keys.referenceTargets(referrer).contains(target)) {
                        edges.put(SubjectVersion.of(referrer), id);
                    }
                }
            }
        }
        return edges;
    }

    @Override
    public long appliedOffset() {
        return base.appliedOffset();
    }

    @Override
    public List<SchemaVersion> versions(String subject) {
        return copiedSubjects.contains(subject) ? scratch.versions(subject) : base.versions(subject);
    }

    @Override
    public Optional<SchemaVersion> version(String subject, int version) {
        return copiedSubjects.contains(subject) ? scratch.version(subject, version) : base.version(subject, version);
    }

    @Override
    public SortedSet<String> subjects() {
        TreeSet<String> merged = new TreeSet<>(base.subjects());
        merged.removeAll(copiedSubjects);
        merged.addAll(scratch.subjectMap().keySet());
        return Collections.unmodifiableSortedSet(merged);
    }

    @Override
    public List<SchemaVersion> versionsById(String context, int id) {
        if (copiedIds.contains(new ContextId(context, id))) {
            return RegistryIndexes.resolve(scratch.carriers(context, id), this::version);
        }
        List<SchemaVersion> fromBase = base.versionsById(context, id);
        for (SchemaVersion carrier : fromBase) {
            if (copiedSubjects.contains(carrier.subject())) {
                // a soft delete in the overlay changed a carrier without rebinding the id
                return RegistryIndexes.resolve(
                        fromBase.stream().map(SubjectVersion::of).toList(), this::version);
            }
        }
        return fromBase;
    }

    @Override
    public int maxId(String context) {
        return Math.max(base.maxId(context), scratch.maxId(context));
    }

    @Override
    public OptionalInt idByFingerprint(String context, String fingerprint) {
        OptionalInt recent = scratch.fingerprintEntry(context, fingerprint);
        if (recent.isPresent()) {
            return boundInScratch(context, recent.getAsInt(), fingerprint);
        }
        OptionalInt fromBase = base.idByFingerprint(context, fingerprint);
        if (fromBase.isPresent() && copiedIds.contains(new ContextId(context, fromBase.getAsInt()))) {
            return boundInScratch(context, fromBase.getAsInt(), fingerprint);
        }
        return fromBase;
    }

    private OptionalInt boundInScratch(String context, int id, String fingerprint) {
        return scratch.boundTo(context, id, fingerprint) ? OptionalInt.of(id) : OptionalInt.empty();
    }

    @Override
    public SortedSet<Integer> referencedBy(String subject, int version) {
        SubjectVersion target = SubjectVersion.normalized(subject, version);
        return copiedTargets.contains(target)
                ? scratch.referencedBy(subject, version)
                : base.referencedBy(subject, version);
    }

    @Override
    public Optional<ConfigValue> config(String subject) {
        return touchedConfigs.contains(subject) ? scratch.config(subject) : base.config(subject);
    }

    @Override
    public Optional<Mode> mode(String subject) {
        return touchedModes.contains(subject) ? scratch.mode(subject) : base.mode(subject);
    }

    @Override
    public SortedSet<String> contexts() {
        TreeSet<String> merged = new TreeSet<>(RegistryIndexes.CONTEXT_ORDER);
        merged.addAll(base.contexts());
        merged.addAll(scratch.contexts());
        merged.removeAll(deletedContexts);
        merged.add(QualifiedSubject.DEFAULT_CONTEXT);
        return Collections.unmodifiableSortedSet(merged);
    }

    @Override
    public List<Association> associationsBySubject(String subject) {
        return associations.merge(
                base.associationsBySubject(subject), a -> a.subject().equals(subject));
    }

    @Override
    public List<Association> associationsByResourceId(String resourceId) {
        return associations.merge(
                base.associationsByResourceId(resourceId), a -> a.resourceId().equals(resourceId));
    }

    @Override
    public List<Association> associations() {
        return associations.merge(base.associations(), a -> true);
    }
}
