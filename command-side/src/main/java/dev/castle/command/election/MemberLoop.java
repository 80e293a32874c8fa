package dev.castle.command.election;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread body that keeps a group member polling until {@link #stop()}. A round that throws does not end it: the
 * failure is logged, leadership is declared void (the node that led stops deciding writes until an election says
 * otherwise), and the loop waits a back-off before it polls again, so a transient broker refusal or a bug in a callback
 * cannot leave a live node out of every later election. A {@link WakeupException} only ends the round early.
 *
 * <p>Every wait (back-off, pause) is on one condition that {@link #stop()} signals, so stopping never waits a back-off
 * out.
 */
final class MemberLoop implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(MemberLoop.class);

    /** Waits between failed rounds: doubling from {@code initial} up to {@code max}. */
    record Backoff(Duration initial, Duration max) {
        Duration after(long failures) {
            int doublings = (int) Math.min(failures - 1, 30);
            Duration delay = initial.multipliedBy(1L << doublings);
            return delay.compareTo(max) > 0 ? max : delay;
        }
    }

    private final String name;
    private final Runnable round;
    private final Runnable onFailure;
    private final Backoff backoff;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private boolean running = true;
    private boolean paused;
    private long failures;

    /**
     * @param name what polls, for the log
     * @param round one round of group work
     * @param onFailure called after a round failed, before the back-off
     */
    MemberLoop(String name, Runnable round, Runnable onFailure, Backoff backoff) {
        this.name = name;
        this.round = round;
        this.onFailure = onFailure;
        this.backoff = backoff;
    }

    @Override
    public void run() {
        try {
            while (awaitTurn()) {
                pollOnce();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Error e) {
            log.error("The group member of {} died; this node takes no further part in elections", name, e);
            throw e;
        }
    }

    /** Ends the loop: the current round finishes (wake the client to cut it short), any wait ends at once. */
    void stop() {
        signal(() -> running = false);
    }

    /** Stops polling without leaving the loop, until {@link #resume()}. */
    void pause() {
        signal(() -> paused = true);
    }

    void resume() {
        signal(() -> paused = false);
    }

    private void pollOnce() throws InterruptedException {
        try {
            round.run();
            recovered();
        } catch (WakeupException e) {
            log.debug("Group member of {} woken up", name);
        } catch (RuntimeException e) {
            failures++;
            logFailure(e);
            voidLeadership();
            awaitBackoff(backoff.after(failures));
        }
    }

    private void recovered() {
        if (failures > 0) {
            log.info("The group member of {} polls again after {} failed round(s)", name, failures);
            failures = 0;
        }
    }

    /** The first failure of a run with its stack trace, then only the 2nd, 4th, 8th… so a lasting fault stays quiet. */
    private void logFailure(RuntimeException e) {
        if (failures == 1) {
            log.error("The group member of {} failed; it holds no leadership and will poll again", name, e);
        } else if (Long.bitCount(failures) == 1) {
            log.error(
                    "The group member of {} failed {} times in a row; still retrying: {}",
                    name,
                    failures,
                    e.toString());
        }
    }

    private void voidLeadership() {
        try {
            onFailure.run();
        } catch (RuntimeException e) {
            log.error("Could not void the leadership of {} after a failed round", name, e);
        }
    }

    /** Waits while paused; false once stopped. */
    private boolean awaitTurn() throws InterruptedException {
        lock.lock();
        try {
            while (running && paused) {
                changed.await();
            }
            return running;
        } finally {
            lock.unlock();
        }
    }

    private void awaitBackoff(Duration delay) throws InterruptedException {
        long remaining = delay.toNanos();
        lock.lock();
        try {
            while (running && remaining > 0) {
                remaining = changed.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    private void signal(Runnable change) {
        lock.lock();
        try {
            change.run();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
