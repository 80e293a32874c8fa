package dev.castle.topology.internals;

import java.time.Duration;

/**
 * How far the fold has read its topic: the global consumer's position at a moment when every record before it had been
 * applied to the store. Unlike the offset of the last applied record, it moves past transaction markers and aborted
 * records, so it can be compared with the log's end offset.
 */
public final class FoldPosition {
    private final Progress progress = new Progress();
    private volatile long position = -1;
    private volatile long logEnd = -1;

    /** The position published last; -1 before the first one. */
    public long current() {
        return position;
    }

    /**
     * The end of the log (as a {@code read_committed} reader sees it) when the global consumer last heard from the
     * broker; -1 before it has.
     */
    public long logEnd() {
        return logEnd;
    }

    /** Called by the global thread only: the log's end, as the consumer's last fetch reported it. */
    void publishLogEnd(long end) {
        logEnd = end;
    }

    /** Called by the global thread only: everything before {@code consumed} has been applied. */
    void publish(long consumed) {
        long previous = position;
        position = consumed;
        if (consumed > previous) {
            progress.signal();
        }
    }

    /** Waits until everything before {@code end} has been applied; false on timeout or interruption. */
    public boolean awaitAtLeast(long end, Duration timeout) {
        if (position >= end) {
            return true;
        }
        return progress.await(() -> position >= end, timeout);
    }
}
