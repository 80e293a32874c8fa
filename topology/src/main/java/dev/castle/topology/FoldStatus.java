package dev.castle.topology;

/**
 * Where the fold of {@code _schemas} stands, for health checks and metrics.
 *
 * @param phase whether the fold is still replaying the log, serving, or stopped
 * @param appliedOffset the offset of the last record applied to the store; -1 before any
 * @param position the global consumer's position once every record before it was applied; -1 before it is known
 * @param logEnd the log's end as the global consumer's last fetch reported it; -1 before it is known
 * @param skipped how many records were skipped as undecodable or contradictory
 */
public record FoldStatus(Phase phase, long appliedOffset, long position, long logEnd, long skipped) {

    /** The fold's life, from Kafka Streams' state. */
    public enum Phase {
        /** Started, replaying the log up to the end it saw at start. */
        CATCHING_UP,
        /** Caught up with the end it saw at start; applying new records as they come. */
        RUNNING,
        /** Kafka Streams failed: the store no longer follows the log, and only a restart helps. */
        FAILED,
        /** Not started, or stopped. */
        STOPPED
    }

    /** How many records the store is behind the log's end as last seen; 0 while either is unknown. */
    public long lag() {
        return position < 0 || logEnd < 0 ? 0 : Math.max(0, logEnd - position);
    }
}
