package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Castle shares its election group with hand-written members that speak the {@code sr} protocol with Confluent's and
 * Karapace's identity JSON (spec §6.1): every member agrees on the leader, whoever computes the assignment.
 */
class SrInteropIT {
    private static final Duration ELECTION = Duration.ofSeconds(40);

    private static String confluentIdentity(String host, int port, boolean eligible) {
        return "{\"host\":\"" + host + "\",\"port\":" + port + ",\"master_eligibility\":" + eligible
                + ",\"scheme\":\"http\",\"version\":1,\"leader\":false}";
    }

    private static String karapaceIdentity(String host, int port, boolean eligible) {
        return "{\"version\":2,\"karapace_version\":\"4.1.0\",\"host\":\"" + host + "\",\"port\":" + port
                + ",\"scheme\":\"http\",\"master_eligibility\":" + eligible + "}";
    }

    @Test
    void shouldAgreeOnCastleLeaderWithConfluentAndKarapaceMembers() {
        try (Cluster cluster = Cluster.start(true, false)) {
            // given Castle nodes and two foreign members whose URLs sort after Castle's, one of them ineligible
            Castle leader = cluster.awaitLeader(ELECTION);
            try (SrTestMember confluent =
                            new SrTestMember(cluster.group(), confluentIdentity("zz-confluent", 8081, true));
                    SrTestMember karapace =
                            new SrTestMember(cluster.group(), karapaceIdentity("zz-karapace", 8081, false))) {

                // when the group settles
                Cluster.await(
                        ELECTION,
                        () -> confluent.hasAssignment()
                                && karapace.hasAssignment()
                                && cluster.agreedLeader().isPresent(),
                        "every member to have an assignment");

                // then every member names the same Castle node
                String url = cluster.awaitLeader(ELECTION).url();
                assertThat(url).isEqualTo(leader.url());
                assertThat(confluent.leaderUrl()).contains(url);
                assertThat(karapace.leaderUrl()).contains(url);
            }
        }
    }

    @Test
    void shouldFollowForeignLeaderWithLowerUrlThatAssigns() {
        try (Cluster cluster = Cluster.start()) {
            // given a Karapace-shaped member alone in the group, so that it is the Kafka group leader and assigns
            try (SrTestMember foreign = new SrTestMember(cluster.group(), karapaceIdentity("0-karapace", 8081, true))) {
                Cluster.await(ELECTION, foreign::hasAssignment, "the foreign member to lead the group");

                // when a Castle node joins
                Castle castle = cluster.startNode(true);
                Cluster.await(ELECTION, () -> castle.leaderUrl().isPresent(), "Castle to hear the assignment");

                // then Castle adopts the foreign assignment: it follows the member with the lowest URL and forwards
                // writes to it (nobody listens there, so 50003)
                assertThat(foreign.assignmentsComputed()).isGreaterThanOrEqualTo(2);
                assertThat(foreign.leaderUrl()).contains("http://0-karapace:8081");
                assertThat(castle.leaderUrl()).isEqualTo(Optional.of("http://0-karapace:8081"));
                Cluster.Reply write = Cluster.register(castle, "to-foreign", Node.avroRecord("Foreign"));
                assertThat(write.body().path("error_code").asInt()).isEqualTo(50003);
            }
        }
    }

    @Test
    void shouldElectNobodyWhenForeignAssignerSeesNoEligibleMember() {
        try (Cluster cluster = Cluster.start()) {
            // given a foreign member that assigns, and only ineligible members
            try (SrTestMember foreign =
                    new SrTestMember(cluster.group(), confluentIdentity("a-confluent", 8081, false))) {
                Cluster.await(ELECTION, foreign::hasAssignment, "the foreign member to lead the group");
                Castle replica = cluster.startNode(false);
                Cluster.await(ELECTION, () -> foreign.assignmentsComputed() >= 2, "a second assignment");

                // then nobody leads and writes answer 50004
                Cluster.await(
                        ELECTION,
                        () -> Cluster.register(replica, "nobody", Node.avroRecord("Nobody"))
                                        .status()
                                == 500,
                        "writes to fail");
                assertThat(replica.leaderUrl()).isEmpty();
                assertThat(Cluster.register(replica, "nobody", Node.avroRecord("Nobody"))
                                .body()
                                .path("error_code")
                                .asInt())
                        .isEqualTo(50004);
            }
        }
    }
}
