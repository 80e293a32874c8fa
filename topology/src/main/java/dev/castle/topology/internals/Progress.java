package dev.castle.topology.internals;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * Something that moves forward and callers that wait for it: the writer signals after each step, a waiter blocks until
 * its condition holds or its time runs out. The condition is evaluated under the lock the writer signals with, so no
 * step is missed between a check and the wait.
 */
public final class Progress {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();

    /** Wakes every waiter to check its condition again. */
    public void signal() {
        lock.lock();
        try {
            moved.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until {@code reached} holds; false on timeout or interruption (the interrupt flag is kept). Exceptions the
     * condition throws reach the caller.
     */
    public boolean await(BooleanSupplier reached, Duration timeout) {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (!reached.getAsBoolean()) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = moved.awaitNanos(remaining);
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
