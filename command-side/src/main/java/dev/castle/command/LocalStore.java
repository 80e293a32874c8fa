package dev.castle.command;

import dev.castle.domain.RegistryView;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** This node's fold of the log, as the write path needs it: the current view and a way to wait for an offset. */
public interface LocalStore {

    /** The current view of the fold. */
    RegistryView view();

    /** Blocks until the fold has applied the record at {@code offset} (or a later one). */
    void awaitApplied(long offset, Duration timeout) throws TimeoutException, InterruptedException;
}
