package dev.castle.command.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SrProtocolTest {

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

        assertThat(json).contains("\"master_eligibility\":true", "\"version\":1", "\"scheme\":\"http\"");
        assertThat(SrProtocol.parseIdentity(utf8(json))).isEqualTo(identity);
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

        SrAssignment assignment = SrProtocol.assign(members);

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

        assertThat(SrProtocol.assign(members).leaderMemberId()).isEqualTo("m-3");
    }

    @Test
    void shouldElectNobodyWhenNoMemberIsEligible() {
        Map<String, SrIdentity> members = Map.of(
                "m-1", SrIdentity.of("http", "a", 1, false),
                "m-2", SrIdentity.of("http", "b", 1, false));

        SrAssignment assignment = SrProtocol.assign(members);

        assertThat(assignment).isEqualTo(SrAssignment.none(SrAssignment.NO_ERROR));
        assertThat(new String(SrProtocol.assignmentJson(assignment), StandardCharsets.UTF_8))
                .contains("\"master\":null", "\"master_identity\":null");
    }

    @Test
    void shouldReportDuplicateUrlsAndElectNobody() {
        Map<String, SrIdentity> members = Map.of(
                "m-1", SrIdentity.of("http", "a", 8081, true), "m-2", new SrIdentity("a", 8081, "http", true, 2));

        SrAssignment assignment = SrProtocol.assign(members);

        assertThat(assignment.error()).isEqualTo(SrAssignment.DUPLICATE_URLS);
        assertThat(assignment.eligibleLeader()).isEmpty();
    }
}
