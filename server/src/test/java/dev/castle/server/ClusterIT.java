package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Await;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/** Three nodes on one registry: two leader-eligible, one read replica (spec §6, §12 items 56 and 57). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private static final Duration ELECTION = Duration.ofSeconds(30);
    private Cluster cluster;
    private Castle replica;

    @BeforeAll
    void startCluster() {
        cluster = Cluster.start(true, true, false);
        replica = cluster.node(2);
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    @Order(1)
    void shouldElectEligibleNodeWithLowestUrl() {
        // when
        Castle leader = cluster.awaitLeader(ELECTION);

        // then
        String lowest = cluster.node(0).url().compareTo(cluster.node(1).url()) < 0
                ? cluster.node(0).url()
                : cluster.node(1).url();
        assertThat(leader.url()).isEqualTo(lowest);
        assertThat(leader).isNotSameAs(replica);
    }

    @Test
    @Order(2)
    void shouldAcceptWritesOnAnyNodeAndReadThemOnEveryNode() {
        cluster.awaitLeader(ELECTION);
        int previousId = 0;
        for (Castle receiver : cluster.live()) {
            // when a write is sent to this node, whatever its role
            String subject = "any-node-" + receiver.port();
            Reply registered = Cluster.register(receiver, subject, Node.avroRecord("R" + receiver.port()));

            // then it succeeds and, right after the answer, every node serves the id and the subject
            assertThat(registered.status())
                    .as("register through %s", receiver.url())
                    .isEqualTo(200);
            int id = registered.json().path("id").asInt();
            assertThat(id).isGreaterThan(previousId);
            previousId = id;
            for (Castle reader : cluster.live()) {
                assertThat(Cluster.get(reader, "/schemas/ids/" + id).status())
                        .as("id %d on %s", id, reader.url())
                        .isEqualTo(200);
                assertThat(latestId(reader, subject))
                        .as("%s on %s", subject, reader.url())
                        .isEqualTo(id);
            }
        }
    }

    @Test
    @Order(3)
    void shouldForwardConfigAndDeleteWritesFromReadReplica() {
        // given
        Cluster.register(replica, "replica-writes", Node.avroRecord("Replica"));

        // when
        Reply config = Cluster.send(replica, "PUT", "/config/replica-writes", "{\"compatibility\":\"NONE\"}");
        Reply deleted = Cluster.send(replica, "DELETE", "/subjects/replica-writes", null);

        // then the replica answers as the leader did, after applying the writes itself
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().path("compatibility").asText()).isEqualTo("NONE");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().toString()).isEqualTo("[1]");
        assertThat(Cluster.get(replica, "/subjects").json().toString()).doesNotContain("replica-writes");
    }

    @Test
    @Order(4)
    void shouldReturnLeadersErrorThroughFollower() {
        // when a follower forwards a write the leader rejects
        Castle follower = cluster.live().stream()
                .filter(node -> !node.url().equals(cluster.awaitLeader(ELECTION).url()))
                .findFirst()
                .orElseThrow();
        Reply reply = Cluster.send(follower, "DELETE", "/subjects/never-registered/versions/1", null);

        // then the client sees the leader's status and error code
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.json().path("error_code").asInt()).isEqualTo(40401);
    }

    @Test
    @Order(5)
    void shouldNeverLetReadReplicaLeadAndRefuseWritesWithoutEligibleNode() {
        // given the registry has data
        Reply before = Cluster.register(replica, "before-replica-alone", Node.avroRecord("Before"));
        assertThat(before.status()).isEqualTo(200);

        // when both eligible nodes are gone
        for (Castle node : List.of(cluster.node(0), cluster.node(1))) {
            cluster.stop(node);
        }
        // (until the group has rebalanced, the replica still forwards to the stopped leader and answers 50003)
        Await.until(() -> replica.leaderUrl().isEmpty() && errorCode(replica) == 50004, ELECTION, "50004");

        // then the replica does not lead, keeps refusing writes with 50004 and still serves reads
        assertThat(errorCode(replica)).isEqualTo(50004);
        assertThat(replica.leaderUrl()).isEmpty();
        Reply read = Cluster.get(replica, "/subjects/before-replica-alone/versions/latest");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().path("id").asInt())
                .isEqualTo(before.json().path("id").asInt());
    }

    private static int errorCode(Castle node) {
        Reply reply = Cluster.register(node, "refused", Node.avroRecord("Refused"));
        return reply.answered() ? reply.errorCode() : -1;
    }

    private static int latestId(Castle node, String subject) {
        Reply reply = Cluster.get(node, "/subjects/" + TestHttp.encode(subject) + "/versions/latest");
        return reply.ok() ? reply.json().path("id").asInt() : -1;
    }
}
