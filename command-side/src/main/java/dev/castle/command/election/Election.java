package dev.castle.command.election;

import java.util.Optional;

/**
 * What a member knows about the registry's leader after a group rebalance.
 *
 * @param leader the leader's identity, empty when no member may lead (writes then answer 50004)
 * @param self whether this member is the leader
 * @param generation the group generation the assignment belongs to
 */
public record Election(Optional<SrIdentity> leader, boolean self, int generation) {

    /** The outcome for a member given the assignment and its own Kafka member id. */
    public static Election of(SrAssignment assignment, String memberId, int generation) {
        Optional<SrIdentity> leader = assignment.eligibleLeader();
        boolean self = leader.isPresent() && memberId.equals(assignment.leaderMemberId());
        return new Election(leader, self, generation);
    }
}
