package dev.castle.topology.internals;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How far the fold has read its topic: the global consumer's position at a moment when every record before it had been
 * applied to the store. Unlike the offset of the last applied record, it moves past transaction markers and aborted
 * records, so it can be compared with the log's end offset.
 */
public final class FoldPosition {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition advanced = lock.newCondition();
    private volatile long position = -1;

    /** The position published last; -1 before the first one. */
    public long current() {
        return position;
    }

    /** Called by the global thread only: everything before {@code consumed} has been applied. */
    void publish(long consumed) {
        long previous = position;
        position = consumed;
        if (consumed > previous) {
            lock.lock();
            try {
                advanced.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Waits until everything before {@code end} has been applied; false on timeout or interruption. */
    public boolean awaitAtLeast(long end, Duration timeout) {
        if (position >= end) {
            return true;
        }
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (position < end) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = advanced.awaitNanos(remaining);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
