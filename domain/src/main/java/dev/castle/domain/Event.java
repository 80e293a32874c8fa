package dev.castle.domain;

/**
 * What {@code _schemas} remembers: one event per record (spec §5.2–5.3). The codec in {@code topology} maps each to
 * Confluent's key and value bytes and back; the fold applies them in offset order.
 */
public sealed interface Event
        permits Event.SchemaUpserted,
                Event.SchemaTombstoned,
                Event.ConfigSet,
                Event.ConfigCleared,
                Event.ModeSet,
                Event.ModeCleared,
                Event.SubjectDeleted,
                Event.SubjectCleared,
                Event.ContextAdded,
                Event.ContextDeleted,
                Event.AssociationUpserted,
                Event.AssociationTombstoned,
                Event.Noop {

    /** A SCHEMA record with a value: a new version, or the same key re-written (for example with deleted=true). */
    record SchemaUpserted(SchemaVersion schema) implements Event {}

    /** A SCHEMA key with a null value: the version is permanently deleted. */
    record SchemaTombstoned(String subject, int version) implements Event {}

    /** A CONFIG record; {@code subject} null is the global config, {@code :.ctx:} a context's. */
    record ConfigSet(String subject, ConfigValue config) implements Event {}

    /** A CONFIG tombstone. */
    record ConfigCleared(String subject) implements Event {}

    /** A MODE record; {@code subject} null is the global mode. */
    record ModeSet(String subject, Mode mode) implements Event {}

    /** A MODE tombstone. */
    record ModeCleared(String subject) implements Event {}

    /** DELETE_SUBJECT: every live version up to and including {@code version} becomes soft-deleted. */
    record SubjectDeleted(String subject, int version) implements Event {}

    /** CLEAR_SUBJECT: drops the soft-deleted versions of a subject, or of every subject of a bare context. */
    record SubjectCleared(String subject) implements Event {}

    /** CONTEXT: a non-default context came into use. */
    record ContextAdded(String tenant, String context) implements Event {}

    /** A CONTEXT tombstone ({@code DELETE /contexts/{ctx}}, Confluent 8.x): the empty context is no longer listed. */
    record ContextDeleted(String tenant, String context) implements Event {}

    /** An ASSOC record (Confluent 8.x): an association of a subject with a resource, created or rewritten. */
    record AssociationUpserted(Association association) implements Event {}

    /** An ASSOC tombstone: the association is deleted. */
    record AssociationTombstoned(Association.Key key) implements Event {}

    /** NOOP: offset bookkeeping only (a new leader's barrier). */
    record Noop() implements Event {}
}
