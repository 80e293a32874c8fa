package dev.castle.topology;

import dev.castle.domain.Association;
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

    private static final Map<Class<?>, Event> SAMPLES = Map.ofEntries(
            Map.entry(Event.SchemaUpserted.class, new Event.SchemaUpserted(schema("s", 1, 1, avro("A")))),
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

    static Event oneOf(Class<?> type) {
        Event event = SAMPLES.get(type);
        if (event == null) {
            throw new AssertionError("No sample for " + type);
        }
        return event;
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
