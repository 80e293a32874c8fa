package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Await;
import dev.castle.testing.Reply;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A node whose fold trails the log by up to seconds still answers, right after a write's response, everything that
 * write names: a read that would answer "not found" catches the node up with the log first (issue 4).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LaggingNodeIT {
    private static final Duration ELECTION = Duration.ofSeconds(30);
    private Cluster cluster;
    private Castle leader;
    private Castle lagging;

    @BeforeAll
    void start() {
        cluster = Cluster.start(true);
        leader = cluster.awaitLeader(ELECTION);
        lagging = LaggingNode.start(cluster);
        Await.until(() -> lagging.leaderUrl().isPresent(), ELECTION, "the lagging node to follow the leader");
    }

    @AfterAll
    void stop() {
        if (lagging != null) {
            lagging.close();
        }
        cluster.close();
    }

    @Test
    void shouldServeWriteThroughAnotherNodeRightAfterItsAnswer() {
        // given
        Reply written = Cluster.register(leader, "elsewhere", Node.avroRecord("Elsewhere"));
        assertThat(written.status()).isEqualTo(200);
        int id = written.json().path("id").asInt();

        // when the lagging node is asked at once
        Reply byId = Cluster.get(lagging, "/schemas/ids/" + id);
        Reply latest = Cluster.get(lagging, "/subjects/elsewhere/versions/latest");

        // then it answers as the leader would
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().path("schema").asText()).contains("Elsewhere");
        assertThat(latest.status()).isEqualTo(200);
        assertThat(latest.json().path("id").asInt()).isEqualTo(id);
    }

    @Test
    void shouldServeOwnWriteRightAfterItsAnswer() {
        // when a write goes through the lagging node
        Reply written = Cluster.register(lagging, "through-lagging", Node.avroRecord("Lagging"));
        assertThat(written.status()).isEqualTo(200);
        int id = written.json().path("id").asInt();

        // then that node and the leader serve it at once
        for (Castle node : new Castle[] {lagging, leader}) {
            assertThat(Cluster.get(node, "/schemas/ids/" + id).status())
                    .as("id %d on %s", id, node.url())
                    .isEqualTo(200);
            assertThat(Cluster.get(node, "/subjects/through-lagging/versions/latest")
                            .json()
                            .path("id")
                            .asInt())
                    .isEqualTo(id);
        }
    }

    @Test
    void shouldStillAnswerNotFoundForWhatNobodyWrote() {
        // when / then
        Reply missing = Cluster.get(lagging, "/subjects/never-written/versions/latest");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error_code").asInt()).isEqualTo(40401);
    }
}
