package dev.castle.command;

import dev.castle.domain.Event;
import dev.castle.domain.RegistryView;
import dev.castle.domain.state.Overlay;

/** The domain's {@link Overlay} as the executor's scratch copy of a batch. */
public final class OverlayScratch implements Scratch {
    private final Overlay overlay;

    public OverlayScratch(RegistryView base) {
        this.overlay = new Overlay(base);
    }

    @Override
    public RegistryView view() {
        return overlay;
    }

    @Override
    public void apply(Event event) {
        overlay.apply(event);
    }
}
