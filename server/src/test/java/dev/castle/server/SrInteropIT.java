package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Await;
import dev.castle.testing.Reply;
import dev.castle.testing.TestKafka;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ClassicGroupDescription;
import org.apache.kafka.common.ClassicGroupState;
import org.junit.jupiter.api.Test;

/**
 * Castle shares its election group with hand-written members that speak the {@code sr} protocol with Confluent's and
 * Karapace's identity JSON (spec §6.1): every member agrees on the leader, whoever computes the assignment, and with
 * {@code leader.election.sticky} a leader keeps the role as Confluent 7.7+ keeps it.
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
                Await.until(
                        () -> confluent.hasAssignment()
                                && karapace.hasAssignment()
                                && cluster.agreedLeader().isPresent(),
                        ELECTION,
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
    void shouldKeepStickyConfluentLeaderWithHigherUrlWhenCastleAssigns() {
        String confluentUrl = "http://zz-confluent:8081";
        // given a read-replica Castle node, alone in the group, so that it computes every assignment
        try (Cluster cluster = Cluster.start();
                Castle assigner = startSticky(cluster, false)) {
            awaitStableGroup(cluster, 1);
            // and a Confluent 7.7 member with sticky election, elected as the only eligible member
            try (SrTestMember confluent =
                    SrTestMember.stickyConfluent(cluster.group(), confluentIdentity("zz-confluent", 8081, true))) {
                Await.until(
                        () -> assigner.leaderUrl().equals(Optional.of(confluentUrl)),
                        ELECTION,
                        "the Confluent member to be elected");

                // when an eligible Castle node with a lower URL joins and the group rebalances
                try (Castle lower = startSticky(cluster, true)) {
                    Await.until(
                            () -> lower.leaderUrl().isPresent() && confluent.hasAssignment(),
                            ELECTION,
                            "the rebalance to end");

                    // then the Confluent member, now sending leader:true, keeps the role, and Castle forwards to it
                    assertThat(lower.url()).isLessThan(confluentUrl);
                    assertThat(confluent.assignmentsComputed()).isZero();
                    assertThat(lower.leaderUrl()).contains(confluentUrl);
                    assertThat(assigner.leaderUrl()).contains(confluentUrl);
                    assertThat(confluent.leaderUrl()).contains(confluentUrl);
                    Reply write = Cluster.register(lower, "to-sticky", Node.avroRecord("Sticky"));
                    assertThat(write.json().path("error_code").asInt()).isEqualTo(50003);
                }
            }
        }
    }

    @Test
    void shouldSendLeaderFlagOnceElectedWhenSticky() {
        // given a foreign read replica that computes the assignments
        try (Cluster cluster = Cluster.start();
                SrTestMember assigner =
                        new SrTestMember(cluster.group(), confluentIdentity("a-confluent", 8081, false))) {
            Await.until(assigner::hasAssignment, ELECTION, "the foreign member to lead the group");
            // and a sticky Castle node it elects
            try (Castle castle = startSticky(cluster, true)) {
                Await.until(() -> castle.leaderUrl().isPresent(), ELECTION, "Castle to be elected");
                assertThat(castle.leaderUrl()).contains(castle.url());

                // when another member joins and the group rebalances
                try (SrTestMember other =
                        new SrTestMember(cluster.group(), karapaceIdentity("b-karapace", 8081, false))) {
                    Await.until(other::hasAssignment, ELECTION, "the rebalance to end");

                    // then Castle joined with leader:false before it was elected, and with leader:true after
                    List<String> castleFlags = assigner.identitiesSeen().stream()
                            .flatMap(List::stream)
                            .filter(identity -> identity.path("port").asInt() == castle.port())
                            .map(identity -> identity.path("leader").toString())
                            .toList();
                    assertThat(castleFlags).first().isEqualTo("false");
                    assertThat(castleFlags).last().isEqualTo("true");
                }
            }
        }
    }

    @Test
    void shouldFollowForeignLeaderWithLowerUrlThatAssigns() {
        try (Cluster cluster = Cluster.start()) {
            // given a Karapace-shaped member alone in the group, so that it is the Kafka group leader and assigns
            try (SrTestMember foreign = new SrTestMember(cluster.group(), karapaceIdentity("0-karapace", 8081, true))) {
                Await.until(foreign::hasAssignment, ELECTION, "the foreign member to lead the group");

                // when a Castle node joins
                Castle castle = cluster.startNode(true);
                Await.until(() -> castle.leaderUrl().isPresent(), ELECTION, "Castle to hear the assignment");

                // then Castle adopts the foreign assignment: it follows the member with the lowest URL and forwards
                // writes to it (nobody listens there, so 50003)
                assertThat(foreign.assignmentsComputed()).isGreaterThanOrEqualTo(2);
                assertThat(foreign.leaderUrl()).contains("http://0-karapace:8081");
                assertThat(castle.leaderUrl()).isEqualTo(Optional.of("http://0-karapace:8081"));
                Reply write = Cluster.register(castle, "to-foreign", Node.avroRecord("Foreign"));
                assertThat(write.json().path("error_code").asInt()).isEqualTo(50003);
            }
        }
    }

    @Test
    void shouldElectNobodyWhenForeignAssignerSeesNoEligibleMember() {
        try (Cluster cluster = Cluster.start()) {
            // given a foreign member that assigns, and only ineligible members
            try (SrTestMember foreign =
                    new SrTestMember(cluster.group(), confluentIdentity("a-confluent", 8081, false))) {
                Await.until(foreign::hasAssignment, ELECTION, "the foreign member to lead the group");
                Castle replica = cluster.startNode(false);
                Await.until(() -> foreign.assignmentsComputed() >= 2, ELECTION, "a second assignment");

                // then nobody leads and writes answer 50004
                Await.until(
                        () -> Cluster.register(replica, "nobody", Node.avroRecord("Nobody"))
                                        .status()
                                == 500,
                        ELECTION,
                        "writes to fail");
                assertThat(replica.leaderUrl()).isEmpty();
                assertThat(Cluster.register(replica, "nobody", Node.avroRecord("Nobody"))
                                .json()
                                .path("error_code")
                                .asInt())
                        .isEqualTo(50004);
            }
        }
    }

    /** Waits until the registry's group has settled with this many members. */
    private static void awaitStableGroup(Cluster cluster, int members) {
        try (Admin admin = TestKafka.admin()) {
            Await.until(
                    () -> stable(admin, cluster.group(), members), ELECTION, members + " member(s) in a stable group");
        }
    }

    private static boolean stable(Admin admin, String group, int members) {
        try {
            ClassicGroupDescription description =
                    admin.describeClassicGroups(List.of(group)).all().get().get(group);
            return description.state() == ClassicGroupState.STABLE
                    && description.members().size() == members;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** A node of the cluster's registry with {@code leader.election.sticky=true}; the caller closes it. */
    private static Castle startSticky(Cluster cluster, boolean eligible) {
        Map<String, String> config = new HashMap<>(cluster.settings(eligible));
        config.put("listeners", "http://127.0.0.1:0");
        config.put("castle.rest.enabled", "false");
        config.put("leader.election.sticky", "true");
        return Castle.start(config);
    }
}
