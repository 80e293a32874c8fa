package dev.castle.domain;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;

/**
 * The read-only view of the folded registry that reads and the Decider use. Subjects are the stored strings (qualified
 * with their context when not in the default one). Implementations answer from memory without blocking for long.
 */
public interface RegistryView {

    /** Offset of the last {@code _schemas} record applied, or -1 when none. */
    long appliedOffset();

    /** Every version of the subject still in the log, soft-deleted ones included, in ascending version order. */
    List<SchemaVersion> versions(String subject);

    /**
     * The subject's highest version, the highest live one unless {@code includeDeleted}; the hot read of
     * {@code versions/latest}, which implementations answer without copying the subject's versions.
     */
    default Optional<SchemaVersion> latest(String subject, boolean includeDeleted) {
        List<SchemaVersion> all = versions(subject);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (includeDeleted || !all.get(i).deleted()) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** One version of the subject, soft-deleted or not. */
    Optional<SchemaVersion> version(String subject, int version);

    /** Every subject with at least one version (soft-deleted ones included), sorted. */
    SortedSet<String> subjects();

    /** Every subject-version that carries the id in the context, soft-deleted ones included, in the order they appeared. */
    List<SchemaVersion> versionsById(String context, int id);

    /** The highest id ever applied in the context (soft-deleted and hard-deleted included), 0 when none. */
    int maxId(String context);

    /** The id whose content has this {@link SchemaFingerprint}, if that id still has subject-versions in the context. */
    OptionalInt idByFingerprint(String context, String fingerprint);

    /** Ids of live schemas whose references point at this subject-version, ascending. */
    SortedSet<Integer> referencedBy(String subject, int version);

    /** The CONFIG record for a subject, a context ({@code :.ctx:}) or globally ({@code null}). */
    Optional<ConfigValue> config(String subject);

    /** The MODE record for a subject, a context ({@code :.ctx:}) or globally ({@code null}). */
    Optional<Mode> mode(String subject);

    /** Every context in use, {@code "."} first. */
    SortedSet<String> contexts();

    /** The associations of a subject (stored form), in {@link Association#ORDER}. */
    List<Association> associationsBySubject(String subject);

    /** The associations of a resource id, in {@link Association#ORDER}. */
    List<Association> associationsByResourceId(String resourceId);

    /** Every association, in {@link Association#ORDER}; queries by resource name or namespace filter it. */
    List<Association> associations();
}
