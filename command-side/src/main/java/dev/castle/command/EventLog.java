package dev.castle.command;

import dev.castle.domain.Event;
import java.util.List;

/** The registry's log as the leader writes it: all events of a batch atomically, or none. */
public interface EventLog extends AutoCloseable {

    /** Claims the log for this writer, fencing any earlier one; must be called before {@link #append}. */
    void open();

    /**
     * Appends the events in one transaction and returns the offset of each, in order.
     *
     * @throws LogWriteException when the transaction did not commit (it was aborted) or its outcome is unknown
     */
    List<Long> append(List<Event> events);

    /** Whether every record of these events is small enough for the log to accept it (else 42209, spec §4.1 step 10). */
    default boolean fits(List<Event> events) {
        return true;
    }

    @Override
    void close();
}
