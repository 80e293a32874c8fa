package dev.castle.command.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SrProtocolTest {
    private static final SrIdentity LOWEST = SrIdentity.of("http", "node-a", 8081, true);
    private static final SrIdentity MIDDLE = SrIdentity.of("http", "node-b", 8081, true);
    private static final SrIdentity HIGHEST = SrIdentity.of("http", "node-c", 8081, true);

    private static Map<String, SrIdentity> members(SrIdentity... identities) {
        Map<String, SrIdentity> members = new LinkedHashMap<>();
        for (int i = 0; i < identities.length; i++) {
            members.put("m-" + i, identities[i]);
        }
        return members;
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadConfluentIdentityWithLeaderFlagAndUnknownProperties() {
        // given Confluent 7.7's identity, with the sticky-election flag and a property nobody knows
        String json = "{\"host\":\"sr1.example\",\"port\":8081,\"master_eligibility\":true,\"scheme\":\"https\","
                + "\"version\":1,\"leader\":false,\"future\":[1]}";

        // when
        SrIdentity identity = SrProtocol.parseIdentity(utf8(json));

        // then
        assertThat(identity).isEqualTo(new SrIdentity("sr1.example", 8081, "https", true, 1));
        assertThat(identity.url()).isEqualTo("https://sr1.example:8081");
    }

    @Test
    void shouldReadLeaderFlagOfConfluentIdentity() {
        // given the identity a Confluent 7.7 leader sends with leader.election.sticky on
        String json = "{\"host\":\"sr1\",\"port\":8081,\"master_eligibility\":true,\"scheme\":\"http\","
                + "\"version\":1,\"leader\":true}";

        // when
        SrIdentity identity = SrProtocol.parseIdentity(utf8(json));

        // then
        assertThat(identity.leader()).isTrue();
    }

    @Test
    void shouldReadIdentityWithoutLeaderFlagAsNotLeading() {
        // given Confluent 7.0–7.6's identity, which has no leader flag
        String json =
                "{\"host\":\"sr1\",\"port\":8081,\"master_eligibility\":true,\"scheme\":\"http\"," + "\"version\":1}";

        SrIdentity identity = SrProtocol.parseIdentity(utf8(json));

        assertThat(identity.leader()).isFalse();
    }

    @Test
    void shouldCompareIdentitiesWithoutLeaderFlag() {
        // given the same member before and after it was elected, as Confluent compares them
        SrIdentity follower = SrIdentity.of("http", "sr1", 8081, true);
        SrIdentity leader = follower.withLeader(true);

        // then
        assertThat(leader).isEqualTo(follower).hasSameHashCodeAs(follower);
        assertThat(leader.leader()).isTrue();
        assertThat(new SrIdentity("sr1", 8081, "http", true, 2)).isNotEqualTo(follower);
    }

    @Test
    void shouldReadKarapaceIdentity() {
        String json = "{\"version\":2,\"karapace_version\":\"4.1.0\",\"host\":\"kp\",\"port\":8081,"
                + "\"scheme\":\"http\",\"master_eligibility\":false}";

        SrIdentity identity = SrProtocol.parseIdentity(utf8(json));

        assertThat(identity).isEqualTo(new SrIdentity("kp", 8081, "http", false, 2));
    }

    @Test
    void shouldRoundTripOwnIdentityAsConfluentJson() {
        SrIdentity identity = SrIdentity.of("http", "castle-1", 8081, true);

        String json = new String(SrProtocol.identityJson(identity), StandardCharsets.UTF_8);

        assertThat(json)
                .contains("\"master_eligibility\":true", "\"version\":1", "\"scheme\":\"http\"", "\"leader\":false");
        assertThat(SrProtocol.parseIdentity(utf8(json))).isEqualTo(identity);
    }

    @Test
    void shouldSendLeaderFlagWhenSet() {
        SrIdentity identity = SrIdentity.of("http", "castle-1", 8081, true).withLeader(true);

        String json = new String(SrProtocol.identityJson(identity), StandardCharsets.UTF_8);

        assertThat(json).contains("\"leader\":true");
        assertThat(SrProtocol.parseIdentity(utf8(json)).leader()).isTrue();
    }

    @Test
    void shouldRejectMetadataThatIsNoIdentity() {
        assertThatThrownBy(() -> SrProtocol.parseIdentity(utf8("{\"port\":1}")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SrProtocol.parseIdentity(utf8("not json")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReadAssignmentWithUnknownPropertiesAndNullLeader() {
        // spec §12 item 41
        String json = "{\"version\":1,\"error\":0,\"master\":null,\"master_identity\":null,\"unknown\":\"x\"}";

        SrAssignment assignment = SrProtocol.parseAssignment(utf8(json));

        assertThat(assignment).isEqualTo(SrAssignment.none(SrAssignment.NO_ERROR));
        assertThat(assignment.eligibleLeader()).isEmpty();
    }

    @Test
    void shouldReadKarapaceAssignmentWithoutVersion() {
        String json = "{\"error\":0,\"master\":\"m-1\",\"master_identity\":{\"version\":2,\"karapace_version\":\"4\","
                + "\"host\":\"kp\",\"port\":8081,\"scheme\":\"http\",\"master_eligibility\":true}}";

        SrAssignment assignment = SrProtocol.parseAssignment(utf8(json));

        assertThat(assignment.leaderMemberId()).isEqualTo("m-1");
        assertThat(assignment.eligibleLeader()).contains(new SrIdentity("kp", 8081, "http", true, 2));
    }

    @Test
    void shouldTreatIneligibleMasterAsNoLeader() {
        // given Karapace's answer when no member is eligible: the smallest ineligible URL as "master"
        String json = "{\"error\":0,\"master\":\"m-1\",\"master_identity\":{\"host\":\"kp\",\"port\":1,"
                + "\"scheme\":\"http\",\"master_eligibility\":false}}";

        Election election = Election.of(SrProtocol.parseAssignment(utf8(json)), "m-1", 3);

        assertThat(election.leader()).isEmpty();
        assertThat(election.self()).isFalse();
    }

    @Test
    void shouldRoundTripAssignment() {
        SrAssignment assignment =
                new SrAssignment(SrAssignment.NO_ERROR, "member-7", SrIdentity.of("http", "a", 8081, true));

        byte[] json = SrProtocol.assignmentJson(assignment);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("\"version\":1", "\"master\":\"member-7\"");
        assertThat(SrProtocol.parseAssignment(json)).isEqualTo(assignment);
    }

    @Test
    void shouldElectEligibleMemberWithLowestUrl() {
        Map<String, SrIdentity> members = new LinkedHashMap<>();
        members.put("m-b", SrIdentity.of("http", "node-b", 8081, true));
        members.put("m-a", SrIdentity.of("http", "node-a", 8081, false));
        members.put("m-c", SrIdentity.of("http", "node-a", 9091, true));

        SrAssignment assignment = SrProtocol.assign(members, false);

        assertThat(assignment.error()).isEqualTo(SrAssignment.NO_ERROR);
        assertThat(assignment.leaderMemberId()).isEqualTo("m-c");
        assertThat(Election.of(assignment, "m-c", 1).self()).isTrue();
        assertThat(Election.of(assignment, "m-b", 1).self()).isFalse();
        assertThat(Election.of(assignment, "m-b", 1).leader()).contains(members.get("m-c"));
    }

    @Test
    void shouldCompareUrlsAsStrings() {
        // "https://..." sorts after "http://...", and port "10000" before "9000", as String.compareTo says
        Map<String, SrIdentity> members = Map.of(
                "m-1", SrIdentity.of("https", "a", 1, true),
                "m-2", SrIdentity.of("http", "z", 9000, true),
                "m-3", SrIdentity.of("http", "z", 10000, true));

        assertThat(SrProtocol.assign(members, false).leaderMemberId()).isEqualTo("m-3");
    }

    @Test
    void shouldElectNobodyWhenNoMemberIsEligible() {
        Map<String, SrIdentity> members = Map.of(
                "m-1", SrIdentity.of("http", "a", 1, false),
                "m-2", SrIdentity.of("http", "b", 1, false));

        SrAssignment assignment = SrProtocol.assign(members, false);

        assertThat(assignment).isEqualTo(SrAssignment.none(SrAssignment.NO_ERROR));
        assertThat(new String(SrProtocol.assignmentJson(assignment), StandardCharsets.UTF_8))
                .contains("\"master\":null", "\"master_identity\":null");
    }

    @Test
    void shouldReportDuplicateUrlsAndElectNobody() {
        Map<String, SrIdentity> members = Map.of(
                "m-1", SrIdentity.of("http", "a", 8081, true), "m-2", new SrIdentity("a", 8081, "http", true, 2));

        SrAssignment assignment = SrProtocol.assign(members, false);

        assertThat(assignment.error()).isEqualTo(SrAssignment.DUPLICATE_URLS);
        assertThat(assignment.eligibleLeader()).isEmpty();
    }

    // sticky election (leader.election.sticky, Confluent 7.7+)

    @Test
    void shouldKeepTheFlaggedLeaderWhenSticky() {
        // given the member that led joins again with a higher URL than two others
        Map<String, SrIdentity> members = members(LOWEST, HIGHEST.withLeader(true), MIDDLE);

        // when
        SrAssignment assignment = SrProtocol.assign(members, true);

        // then it keeps the role
        assertThat(assignment.error()).isEqualTo(SrAssignment.NO_ERROR);
        assertThat(assignment.leaderMemberId()).isEqualTo("m-1");
        assertThat(assignment.eligibleLeader()).contains(HIGHEST);
    }

    @Test
    void shouldIgnoreTheFlagWhenNotSticky() {
        Map<String, SrIdentity> members = members(HIGHEST.withLeader(true), LOWEST);

        SrAssignment assignment = SrProtocol.assign(members, false);

        assertThat(assignment.leaderMemberId()).isEqualTo("m-1");
    }

    @Test
    void shouldElectTheLowestUrlWhenSeveralAreFlagged() {
        // given two members both claim to lead (a split), and an unflagged member has the lowest URL
        Map<String, SrIdentity> members = members(HIGHEST.withLeader(true), MIDDLE.withLeader(true), LOWEST);

        // when
        SrAssignment assignment = SrProtocol.assign(members, true);

        // then the ordinary choice decides, as Confluent falls back to it
        assertThat(assignment.leaderMemberId()).isEqualTo("m-2");
    }

    @Test
    void shouldIgnoreTheFlagOfAnIneligibleMember() {
        // given a flagged member that may not lead (Confluent's assigner skips it, and so must Castle's)
        SrIdentity replica = SrIdentity.of("http", "node-0", 8081, false).withLeader(true);
        Map<String, SrIdentity> members = members(replica, HIGHEST, MIDDLE);

        SrAssignment assignment = SrProtocol.assign(members, true);

        assertThat(assignment.leaderMemberId()).isEqualTo("m-2");
    }

    @Test
    void shouldKeepTheEligibleFlaggedMemberBesideAnIneligibleFlaggedOne() {
        SrIdentity replica = SrIdentity.of("http", "node-0", 8081, false).withLeader(true);
        Map<String, SrIdentity> members = members(replica, LOWEST, HIGHEST.withLeader(true));

        assertThat(SrProtocol.assign(members, true).leaderMemberId()).isEqualTo("m-2");
    }

    @Test
    void shouldReportDuplicateUrlsEvenWithAFlaggedLeader() {
        Map<String, SrIdentity> members =
                members(HIGHEST.withLeader(true), LOWEST, new SrIdentity("node-a", 8081, "http", true, 2));

        SrAssignment assignment = SrProtocol.assign(members, true);

        assertThat(assignment.error()).isEqualTo(SrAssignment.DUPLICATE_URLS);
        assertThat(assignment.eligibleLeader()).isEmpty();
    }

    @Test
    void shouldEchoTheLeaderFlagInTheAssignedIdentity() {
        // given Confluent's assigner copies the leader's identity as it was sent, flag included
        SrAssignment assignment = SrProtocol.assign(members(LOWEST, HIGHEST.withLeader(true)), true);

        String json = new String(SrProtocol.assignmentJson(assignment), StandardCharsets.UTF_8);

        assertThat(json).contains("\"master\":\"m-1\"", "\"leader\":true");
        assertThat(SrProtocol.parseAssignment(json.getBytes(StandardCharsets.UTF_8))
                        .leader()
                        .leader())
                .isTrue();
    }
}
