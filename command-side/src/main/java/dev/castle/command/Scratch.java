package dev.castle.command;

import dev.castle.domain.Event;
import dev.castle.domain.RegistryView;

/**
 * A scratch copy of the registry over a base view, into which the events of a batch are folded so later commands of the
 * same batch see them (DESIGN §5.3). Discarded after the batch.
 */
public interface Scratch {

    /** The base view with every applied event folded in. */
    RegistryView view();

    /** Folds one event into the scratch copy. */
    void apply(Event event);
}
