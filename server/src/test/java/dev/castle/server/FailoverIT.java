package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Await;
import dev.castle.testing.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The leader stops abruptly during a stream of registrations; another node takes over (issue 4, item 5). */
class FailoverIT {
    private static final Duration ELECTION = Duration.ofSeconds(30);

    @Test
    void shouldKeepEveryAcknowledgedWriteAndUniqueIncreasingIdsWhenLeaderCrashes() throws Exception {
        try (Cluster cluster = Cluster.start(true, true, false)) {
            // given a client registering schemas one after the other through every node in turn, retrying failures
            Castle leader = cluster.awaitLeader(ELECTION);
            Map<String, Integer> acknowledged = new LinkedHashMap<>();
            AtomicBoolean crashed = new AtomicBoolean();
            List<Long> failoverMillis = new ArrayList<>();
            Thread client = new Thread(() -> registerStream(cluster, acknowledged, crashed, failoverMillis, 60));
            client.start();

            // when the leader stops abruptly in the middle of the stream
            Await.until(() -> size(acknowledged) >= 20, ELECTION, "20 acknowledged registrations");
            cluster.crash(leader);
            crashed.set(true);
            client.join(Duration.ofSeconds(90).toMillis());

            // then another eligible node leads and every acknowledged write is there with its id, on every node
            assertThat(client.isAlive()).isFalse();
            Castle newLeader = cluster.awaitLeader(ELECTION);
            assertThat(newLeader).isNotSameAs(leader).isNotSameAs(cluster.node(2));
            assertThat(acknowledged).hasSize(60);
            List<Integer> ids = new ArrayList<>(acknowledged.values());
            assertThat(ids).doesNotHaveDuplicates().isSorted();
            for (Castle node : cluster.live()) {
                acknowledged.forEach((subject, id) -> {
                    Reply read = Cluster.get(node, "/subjects/" + subject + "/versions/latest");
                    assertThat(read.status())
                            .as("%s on %s", subject, node.url())
                            .isEqualTo(200);
                    assertThat(read.json().path("id").asInt()).isEqualTo(id);
                });
            }
            System.out.println("Failover: first successful write " + failoverMillis + " ms after the crash");
        }
    }

    /** Registers {@code count} subjects in order; each is retried on any node until one acknowledges it. */
    private static void registerStream(
            Cluster cluster,
            Map<String, Integer> acknowledged,
            AtomicBoolean crashed,
            List<Long> failoverMillis,
            int count) {
        AtomicLong crashSeen = new AtomicLong();
        AtomicInteger attempt = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            String subject = "stream-" + i;
            String schema = Node.avroRecord("S" + i);
            Await.until(
                    () -> {
                        Castle node = cluster.node(attempt.getAndIncrement() % 3);
                        if (crashed.get() && crashSeen.get() == 0) {
                            crashSeen.set(System.nanoTime());
                        }
                        Reply reply = Cluster.register(node, subject, schema);
                        if (!reply.ok()) {
                            return false;
                        }
                        if (crashSeen.get() != 0 && failoverMillis.isEmpty()) {
                            failoverMillis.add((System.nanoTime() - crashSeen.get()) / 1_000_000);
                        }
                        synchronized (acknowledged) {
                            acknowledged.put(subject, reply.id());
                        }
                        return true;
                    },
                    Duration.ofSeconds(90),
                    "a node to acknowledge " + subject);
        }
    }

    private static int size(Map<String, Integer> acknowledged) {
        synchronized (acknowledged) {
            return acknowledged.size();
        }
    }
}
