package dev.castle.command;

import dev.castle.domain.RegistryView;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * This node's fold of the log, as the write path needs it: the current view, a way to wait for an offset, and a way to
 * catch up with the log when no offset is known.
 */
public interface LocalStore {

    /** The current view of the fold. */
    RegistryView view();

    /** Blocks until the fold has applied the record at {@code offset} (or a later one). */
    void awaitApplied(long offset, Duration timeout) throws TimeoutException, InterruptedException;

    /**
     * Blocks until the fold has applied everything the log held (committed) at the call: every write acknowledged
     * before it, whoever wrote it. For answers that name no offset, such as a Confluent or Karapace leader's.
     */
    void catchUp(Duration timeout) throws TimeoutException, InterruptedException;
}
