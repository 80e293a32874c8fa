package dev.castle.domain.state;

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
        return Map.of(
                Event.SchemaUpserted.class, registered("s", 1, 1, avro("A")),
                Event.SchemaTombstoned.class, new Event.SchemaTombstoned("s", 1),
                Event.ConfigSet.class, new Event.ConfigSet("s", ConfigValue.of(CompatibilityLevel.FULL)),
                Event.ConfigCleared.class, new Event.ConfigCleared("s"),
                Event.ModeSet.class, new Event.ModeSet(null, Mode.READONLY),
                Event.ModeCleared.class, new Event.ModeCleared(null),
                Event.SubjectDeleted.class, new Event.SubjectDeleted("s", 1),
                Event.SubjectCleared.class, new Event.SubjectCleared("s"),
                Event.ContextAdded.class, new Event.ContextAdded("default", ".ctx"),
                Event.Noop.class, new Event.Noop());
    }
}
