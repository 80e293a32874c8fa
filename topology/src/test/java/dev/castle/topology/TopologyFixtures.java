package dev.castle.topology;

import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.util.List;
import java.util.Map;

/** Sample events for topology tests. */
final class TopologyFixtures {
    private TopologyFixtures() {}

    static String avro(String name) {
        return "{\"type\":\"record\",\"name\":\"" + name + "\",\"fields\":[]}";
    }

    static SchemaVersion schema(String subject, int version, int id, String text) {
        return new SchemaVersion(subject, version, id, SchemaType.AVRO, text, List.of(), null, null, false);
    }

    private static final Map<Class<?>, Event> SAMPLES = Map.of(
            Event.SchemaUpserted.class, new Event.SchemaUpserted(schema("s", 1, 1, avro("A"))),
            Event.SchemaTombstoned.class, new Event.SchemaTombstoned("s", 1),
            Event.ConfigSet.class, new Event.ConfigSet("s", ConfigValue.of(CompatibilityLevel.FULL)),
            Event.ConfigCleared.class, new Event.ConfigCleared("s"),
            Event.ModeSet.class, new Event.ModeSet(null, Mode.READONLY),
            Event.ModeCleared.class, new Event.ModeCleared(null),
            Event.SubjectDeleted.class, new Event.SubjectDeleted("s", 1),
            Event.SubjectCleared.class, new Event.SubjectCleared("s"),
            Event.ContextAdded.class, new Event.ContextAdded("default", ".ctx"),
            Event.Noop.class, new Event.Noop());

    static Event oneOf(Class<?> type) {
        Event event = SAMPLES.get(type);
        if (event == null) {
            throw new AssertionError("No sample for " + type);
        }
        return event;
    }
}
