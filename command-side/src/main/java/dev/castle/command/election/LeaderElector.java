package dev.castle.command.election;

/**
 * Takes part in choosing the registry's single leader and reports each outcome. Implementations call the listener from
 * one thread, in order; a listener must not block for long.
 */
public interface LeaderElector extends AutoCloseable {

    /** Hears about rebalances: leadership is void from {@link #onRebalanceStarted} until {@link #onElected}. */
    interface Listener {
        /** A rebalance began: whoever led may be replaced, so nobody should decide writes until the outcome is known. */
        void onRebalanceStarted();

        /** A rebalance finished with this outcome. */
        void onElected(Election election);
    }

    /** Joins the group and starts reporting to the listener. */
    void start(Listener listener);

    /** Asks for a new election, for example after this node found out it was fenced as leader. */
    void requestRejoin(String reason);

    /** Leaves the group. */
    @Override
    void close();
}
