package dev.castle.domain.state;

import dev.castle.domain.Association;
import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.util.List;
import java.util.Map;

/** Events for fold tests. */
final class Fixtures {
    private Fixtures() {}

    static String avro(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[]}";
    }

    static SchemaVersion schema(String subject, int version, int id, String text, SchemaReference... references) {
        return new SchemaVersion(subject, version, id, SchemaType.AVRO, text, List.of(references), null, null, false);
    }

    static Event.SchemaUpserted registered(String subject, int version, int id, String text, SchemaReference... refs) {
        return new Event.SchemaUpserted(schema(subject, version, id, text, refs));
    }

    static Event.SchemaUpserted softDeleted(String subject, int version, int id, String text, SchemaReference... refs) {
        return new Event.SchemaUpserted(schema(subject, version, id, text, refs).withDeleted(true));
    }

    static SchemaReference ref(String name, String subject, int version) {
        return new SchemaReference(name, subject, version);
    }

    /** One sample of every event type, keyed by its class. */
    static Map<Class<?>, Event> oneOfEach() {
        return Map.ofEntries(
                Map.entry(Event.SchemaUpserted.class, registered("s", 1, 1, avro("A"))),
                Map.entry(Event.SchemaTombstoned.class, new Event.SchemaTombstoned("s", 1)),
                Map.entry(Event.ConfigSet.class, new Event.ConfigSet("s", ConfigValue.of(CompatibilityLevel.FULL))),
                Map.entry(Event.ConfigCleared.class, new Event.ConfigCleared("s")),
                Map.entry(Event.ModeSet.class, new Event.ModeSet(null, Mode.READONLY)),
                Map.entry(Event.ModeCleared.class, new Event.ModeCleared(null)),
                Map.entry(Event.SubjectDeleted.class, new Event.SubjectDeleted("s", 1)),
                Map.entry(Event.SubjectCleared.class, new Event.SubjectCleared("s")),
                Map.entry(Event.ContextAdded.class, new Event.ContextAdded("default", ".ctx")),
                Map.entry(Event.ContextDeleted.class, new Event.ContextDeleted("default", ".ctx")),
                Map.entry(Event.AssociationUpserted.class, new Event.AssociationUpserted(association("s"))),
                Map.entry(
                        Event.AssociationTombstoned.class,
                        new Event.AssociationTombstoned(association("s").key())),
                Map.entry(Event.Noop.class, new Event.Noop()));
    }

    /** A WEAK association of {@code subject} with topic {@code t} in namespace {@code ns}. */
    static Association association(String subject) {
        return new Association(
                "guid-1",
                "default",
                "t",
                "ns",
                "id-1",
                "topic",
                "value",
                subject,
                Association.Lifecycle.WEAK,
                false,
                null,
                null);
    }
}
