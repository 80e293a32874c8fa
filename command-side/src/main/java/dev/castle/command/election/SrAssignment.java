package dev.castle.command.election;

import java.util.Optional;

/**
 * The {@code sr} assignment the Kafka group leader computes and every member receives (spec §6.1).
 *
 * @param error {@link #NO_ERROR} or {@link #DUPLICATE_URLS}
 * @param leaderMemberId {@code master}: the Kafka member id of the registry leader, null when there is none
 * @param leader {@code master_identity}, null when there is none
 */
public record SrAssignment(int error, String leaderMemberId, SrIdentity leader) {
    public static final int NO_ERROR = 0;
    public static final int DUPLICATE_URLS = 1;

    /** An assignment naming no leader, with the given error. */
    public static SrAssignment none(int error) {
        return new SrAssignment(error, null, null);
    }

    /**
     * The leader this assignment names, if it may lead: a Karapace group leader names an ineligible member when none is
     * eligible, which Confluent rejects; Castle treats that as "no leader".
     */
    public Optional<SrIdentity> eligibleLeader() {
        if (error != NO_ERROR || leader == null || !leader.eligible()) {
            return Optional.empty();
        }
        return Optional.of(leader);
    }
}
