package dev.castle.command;

/**
 * Hears what the write path does, for the node's metrics: the leader's batches and transactions, a follower's forwarded
 * writes. The write path calls it on its own threads, so an implementation only counts and returns.
 *
 * <p>A listener rather than a metrics library in this module: the names, labels and buckets of every meter live in one
 * place ({@code server}), and the write path and its tests need no registry.
 */
public interface WriteObserver {
    /** Hears nothing. */
    WriteObserver NONE = new WriteObserver() {};

    /** The leader drained {@code commands} queued commands as one batch and decided them into {@code events} events. */
    default void batchDecided(int commands, int events) {}

    /**
     * The leader appended a batch's events in one transaction, from its start to its commit (or failure).
     *
     * @param committed whether the transaction was committed
     */
    default void batchAppended(int events, long nanos, boolean committed) {}

    /** A follower forwarded a write to the leader and heard back (or gave up) after {@code nanos}. */
    default void forwarded(Forwarding outcome, long nanos) {}

    /** How a forwarded write ended. */
    enum Forwarding {
        /** The leader accepted it. */
        ACCEPTED,
        /** The leader answered with an error (an incompatible schema, a bad request, …). */
        REFUSED,
        /** The leader could not be reached or answered nothing usable. */
        FAILED
    }
}
