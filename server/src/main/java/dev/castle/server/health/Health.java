package dev.castle.server.health;

import dev.castle.topology.FoldStatus;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Whether a node is alive and ready, from its start-up phase and its fold (DESIGN §4).
 *
 * <ul>
 *   <li><b>Live</b> unless the fold has failed: a store that no longer follows the log would answer stale reads for
 *       ever, and only a restart replays it.
 *   <li><b>Ready</b> once start-up has finished (the fold has caught up with the end of the log it saw at start and the
 *       listener serves), while the fold runs and trails the log's end by at most the allowed lag, and until the node
 *       begins to stop.
 * </ul>
 */
public final class Health {
    private final Supplier<FoldStatus> fold;
    private final Runnable refreshLogEnd;
    private final long maxLag;
    private final AtomicReference<Lifecycle> lifecycle = new AtomicReference<>(Lifecycle.STARTING);

    /** A node's life as its probes see it. */
    public enum Lifecycle {
        /** Replaying the log, binding the listener, joining the election. */
        STARTING,
        /** Started: every part is up. */
        SERVING,
        /** Stopping: the node takes no new work. */
        STOPPING
    }

    /** A probe's answer: whether it passed, and if not, why. */
    public record Verdict(boolean passed, Optional<String> reason) {
        static final Verdict PASSED = new Verdict(true, Optional.empty());

        static Verdict failed(String reason) {
            return new Verdict(false, Optional.of(reason));
        }
    }

    /**
     * @param fold the fold's current status
     * @param refreshLogEnd asks the broker for the log's end in the background, so a later status counts it in
     * @param maxLag {@code castle.health.max.fold.lag}: how many records the fold may trail the log by and be ready
     */
    public Health(Supplier<FoldStatus> fold, Runnable refreshLogEnd, long maxLag) {
        this.fold = fold;
        this.refreshLogEnd = refreshLogEnd;
        this.maxLag = maxLag;
    }

    /** Start-up has finished: the node serves. */
    public void serving() {
        lifecycle.compareAndSet(Lifecycle.STARTING, Lifecycle.SERVING);
    }

    /** The node begins to stop: it is no longer ready. */
    public void stopping() {
        lifecycle.set(Lifecycle.STOPPING);
    }

    public Lifecycle lifecycle() {
        return lifecycle.get();
    }

    public Verdict liveness() {
        return liveness(fold.get());
    }

    /** Whether the node is ready now; asks the broker for the log's end in the background, for the next probe. */
    public Verdict readiness() {
        refreshLogEnd.run();
        return readiness(lifecycle.get(), fold.get(), maxLag);
    }

    /** Whether the node is ready now, without asking the broker anything. */
    public boolean ready() {
        return readiness(lifecycle.get(), fold.get(), maxLag).passed();
    }

    public FoldStatus fold() {
        return fold.get();
    }

    static Verdict liveness(FoldStatus fold) {
        return fold.phase() == FoldStatus.Phase.FAILED
                ? Verdict.failed("the fold of the log has failed; the store no longer follows the log")
                : Verdict.PASSED;
    }

    static Verdict readiness(Lifecycle lifecycle, FoldStatus fold, long maxLag) {
        if (lifecycle == Lifecycle.STARTING) {
            return Verdict.failed("the node is starting");
        }
        if (lifecycle == Lifecycle.STOPPING) {
            return Verdict.failed("the node is stopping");
        }
        switch (fold.phase()) {
            case CATCHING_UP:
                return Verdict.failed("the fold has not caught up with the log yet");
            case FAILED:
                return Verdict.failed("the fold of the log has failed");
            case STOPPED:
                return Verdict.failed("the fold of the log has stopped");
            default:
                break;
        }
        if (fold.lag() > maxLag) {
            return Verdict.failed("the fold is " + fold.lag() + " records behind the log (at most " + maxLag
                    + " allowed by castle.health.max.fold.lag)");
        }
        return Verdict.PASSED;
    }
}
