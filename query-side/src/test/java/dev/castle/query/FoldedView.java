package dev.castle.query;

import dev.castle.domain.Association;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.state.RegistryModel;
import java.util.List;

/**
 * A registry for tests of the read routes, folded by the real fold ({@link RegistryModel}) from the events a
 * {@code _schemas} log would hold, one offset each, so reads see exactly what a node's store would answer.
 */
final class FoldedView {
    private final RegistryModel model = new RegistryModel();
    private long offset;

    /** A version with the text {@code "string"} (Avro), no references, metadata or rule set. */
    FoldedView add(String subject, int version, int id, boolean deleted) {
        return add(
                new SchemaVersion(subject, version, id, SchemaType.AVRO, "\"string\"", List.of(), null, null, deleted));
    }

    /** Folds a version as given (metadata, rule set, type and text included). */
    FoldedView add(SchemaVersion version) {
        return fold(new Event.SchemaUpserted(version));
    }

    /** Folds an association of a subject with a resource. */
    FoldedView association(Association association) {
        return fold(new Event.AssociationUpserted(association));
    }

    FoldedView config(String subject, ConfigValue config) {
        return fold(new Event.ConfigSet(subject, config));
    }

    FoldedView mode(String subject, Mode mode) {
        return fold(new Event.ModeSet(subject, mode));
    }

    /** The fold's view, which later events still change. */
    RegistryModel view() {
        return model;
    }

    private synchronized FoldedView fold(Event event) {
        if (!model.apply(event, offset++)) {
            throw new IllegalArgumentException("The fold skipped " + event + ": fix the test's events");
        }
        return this;
    }
}
