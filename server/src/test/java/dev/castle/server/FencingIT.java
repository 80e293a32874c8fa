package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Await;
import dev.castle.testing.Reply;
import dev.castle.testing.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.IsolationLevel;
import org.junit.jupiter.api.Test;

/**
 * A leader paused long enough to lose its group membership is fenced by the next leader: neither the write it had in
 * flight when it stopped nor one it decides after waking up reaches the log (DESIGN §5.4, issue 4 item 3).
 */
class FencingIT {
    private static final Duration ELECTION = Duration.ofSeconds(30);

    @Test
    void shouldRejectDeposedLeadersWriteAndNeverApplyIt() {
        try (Cluster cluster = Cluster.start(true, true)) {
            // given a leader that stops (as a paused process would) and a successor that took over and wrote
            Castle zombie = cluster.awaitLeader(ELECTION);
            Castle successor = otherThan(cluster, zombie);
            assertThat(Cluster.register(zombie, "before-pause", Node.avroRecord("Before"))
                            .status())
                    .isEqualTo(200);
            zombie.elector().pause();
            awaitTakeover(successor);
            Reply taken = Cluster.register(successor, "after-takeover", Node.avroRecord("After"));
            assertThat(taken.status()).isEqualTo(200);

            // when the deposed leader, still believing it leads, decides a write
            Reply late = Cluster.register(zombie, "zombie-write", Node.avroRecord("Zombie"));

            // then the write fails and is in neither the log nor any store
            assertThat(late.status()).isEqualTo(500);
            assertThat(late.json().path("error_code").asInt()).isEqualTo(50001);
            List<String> committed = records(cluster.topic(), IsolationLevel.READ_COMMITTED);
            assertThat(committed).anyMatch(text -> text.contains("after-takeover"));
            assertThat(committed).noneMatch(text -> text.contains("zombie-write"));
            assertThat(Cluster.get(successor, "/subjects").json().toString()).doesNotContain("zombie-write");

            // and once resumed, the old leader takes part again: the cluster agrees on a leader and ids stay unique
            resumeAndRegister(cluster, zombie, taken);
            assertThat(Cluster.get(zombie, "/subjects").json().toString()).doesNotContain("zombie-write");
        }
    }

    @Test
    void shouldAbortTheWriteALeaderHadInFlightWhenItWasPaused() throws Exception {
        HeldCommits firstHeld = new HeldCommits();
        HeldCommits secondHeld = new HeldCommits();
        try (Cluster cluster = new Cluster()) {
            Castle first = cluster.startNode(true, firstHeld::producer);
            Castle second = cluster.startNode(true, secondHeld::producer);
            Castle zombie = cluster.awaitLeader(ELECTION);
            Castle successor = zombie == first ? second : first;
            HeldCommits zombieCommits = zombie == first ? firstHeld : secondHeld;
            Reply before = Cluster.register(zombie, "before-pause", Node.avroRecord("Before"));
            assertThat(before.status()).isEqualTo(200);

            // given a leader that stops in the middle of a write: its record is in the log, its commit not yet sent
            zombieCommits.arm();
            CompletableFuture<Reply> inFlight = CompletableFuture.supplyAsync(
                    () -> Cluster.register(zombie, "in-flight", Node.avroRecord("InFlight")));
            assertThat(zombieCommits.awaitHolding(ELECTION)).isTrue();
            zombie.elector().pause();

            // when another node takes over and writes, and then the paused leader wakes up and commits
            awaitTakeover(successor);
            Reply taken = Cluster.register(successor, "after-takeover", Node.avroRecord("After"));
            assertThat(taken.status()).isEqualTo(200);
            zombieCommits.release();
            Reply late = inFlight.get();

            // then the in-flight write is rejected: its record was in the log but was aborted, so no reader applies it
            assertThat(late.status()).isEqualTo(500);
            assertThat(late.json().path("error_code").asInt()).isEqualTo(50001);
            assertThat(records(cluster.topic(), IsolationLevel.READ_UNCOMMITTED))
                    .anyMatch(text -> text.contains("in-flight"));
            List<String> committed = records(cluster.topic(), IsolationLevel.READ_COMMITTED);
            assertThat(committed).anyMatch(text -> text.contains("after-takeover"));
            assertThat(committed).noneMatch(text -> text.contains("in-flight"));
            for (Castle node : cluster.live()) {
                assertThat(Cluster.get(node, "/subjects/in-flight/versions").status())
                        .isEqualTo(404);
            }

            // and the resumed node takes part again, with ids still unique and increasing
            resumeAndRegister(cluster, zombie, taken);
            assertThat(Cluster.get(
                                    zombie,
                                    "/schemas/ids/" + taken.json().path("id").asInt() + "/subjects")
                            .json()
                            .toString())
                    .isEqualTo("[\"after-takeover\"]");
        }
    }

    /** Resumes the paused node and registers through it once the cluster agrees on a leader. */
    private static void resumeAndRegister(Cluster cluster, Castle zombie, Reply taken) {
        zombie.elector().resume();
        cluster.awaitLeader(ELECTION);
        Reply resumed = Cluster.register(zombie, "after-resume", Node.avroRecord("Resumed"));
        assertThat(resumed.status()).isEqualTo(200);
        assertThat(resumed.json().path("id").asInt())
                .isGreaterThan(taken.json().path("id").asInt());
    }

    private static Castle otherThan(Cluster cluster, Castle node) {
        return cluster.live().stream()
                .filter(candidate -> candidate != node)
                .findFirst()
                .orElseThrow();
    }

    private static void awaitTakeover(Castle successor) {
        Await.until(() -> successor.leaderUrl().equals(Optional.of(successor.url())), ELECTION, "takeover");
    }

    /** Every record of the topic a reader with this isolation level sees, keys and values as text. */
    private static List<String> records(String topic, IsolationLevel isolation) {
        return TestKafka.records(topic, isolation).stream()
                .map(record -> text(record.key()) + " " + text(record.value()))
                .toList();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
