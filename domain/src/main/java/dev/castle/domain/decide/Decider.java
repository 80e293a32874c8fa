package dev.castle.domain.decide;

import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.RegistryView;

/**
 * Decides a command against a view of the registry: a pure function of (command, view) returning the events to append
 * and the response, or throwing a {@link dev.castle.domain.RegistryException}.
 */
public final class Decider {
    private final RegistrySettings settings;

    public Decider(RegistrySettings settings) {
        this.settings = settings;
    }

    public Decision decide(Command command, RegistryView view) {
        throw new UnsupportedOperationException("TODO(H2): " + command + settings + view);
    }
}
