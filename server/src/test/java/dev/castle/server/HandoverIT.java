package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Await;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A leader stopped gracefully leaves the election group at once, so another node leads without waiting for the stopped
 * node's session to expire (issue 5).
 */
class HandoverIT {
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(30);

    @Test
    void shouldHandLeadershipOverLongBeforeSessionTimeoutWhenLeaderStopsGracefully() {
        // given two eligible nodes with a session timeout far longer than a handover may take, heartbeats as by default
        Map<String, String> settings = new HashMap<>();
        settings.put("kafkagroup.session.timeout.ms", Long.toString(SESSION_TIMEOUT.toMillis()));
        settings.put("kafkagroup.rebalance.timeout.ms", Long.toString(SESSION_TIMEOUT.toMillis()));
        settings.put("kafkagroup.heartbeat.interval.ms", null);
        try (Cluster cluster = Cluster.start(settings, true, true)) {
            Castle leader = cluster.awaitLeader(SESSION_TIMEOUT.multipliedBy(2));
            Castle follower = cluster.live().stream()
                    .filter(node -> node != leader)
                    .findFirst()
                    .orElseThrow();
            assertThat(Cluster.register(follower, "before", Node.avroRecord("Before"))
                            .ok())
                    .isTrue();

            // when the leader stops gracefully
            long stopping = System.nanoTime();
            CompletableFuture<Long> stopped = CompletableFuture.supplyAsync(() -> {
                cluster.stop(leader);
                return millisSince(stopping);
            });

            // then the other node leads, and a write through it succeeds, well within the session timeout
            Await.until(
                    () -> follower.leaderUrl().equals(Optional.of(follower.url()))
                            && Cluster.register(follower, "after", Node.avroRecord("After"))
                                    .ok(),
                    SESSION_TIMEOUT.dividedBy(2),
                    "the remaining node to lead and take a write");
            long handover = millisSince(stopping);
            System.out.println("Graceful handover: first write through the other node " + handover
                    + " ms after the leader began to stop; its close took " + stopped.join() + " ms");
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
