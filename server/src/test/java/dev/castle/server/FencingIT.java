package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

/**
 * A leader paused long enough to lose its group membership is fenced by the next leader: the write it decides after
 * waking up is rejected and never reaches the log (DESIGN §5.4, issue 4 item 3).
 */
class FencingIT {
    private static final Duration ELECTION = Duration.ofSeconds(30);

    @Test
    void shouldRejectDeposedLeadersWriteAndNeverApplyIt() {
        try (Cluster cluster = Cluster.start(true, true)) {
            // given a leader that stops (as a paused process would) and a successor that took over and wrote
            Castle zombie = cluster.awaitLeader(ELECTION);
            Castle successor = cluster.live().stream()
                    .filter(node -> node != zombie)
                    .findFirst()
                    .orElseThrow();
            assertThat(Cluster.register(zombie, "before-pause", Node.avroRecord("Before"))
                            .status())
                    .isEqualTo(200);
            zombie.elector().pause();
            Cluster.await(
                    ELECTION, () -> successor.leaderUrl().equals(java.util.Optional.of(successor.url())), "takeover");
            Cluster.Reply taken = Cluster.register(successor, "after-takeover", Node.avroRecord("After"));
            assertThat(taken.status()).isEqualTo(200);

            // when the deposed leader, still believing it leads, decides a write
            Cluster.Reply late = Cluster.register(zombie, "zombie-write", Node.avroRecord("Zombie"));

            // then the write fails and is in neither the log nor any store
            assertThat(late.status()).isEqualTo(500);
            assertThat(late.body().path("error_code").asInt()).isEqualTo(50001);
            assertThat(committedRecords(cluster.topic())).noneMatch(text -> text.contains("zombie-write"));
            assertThat(Cluster.get(successor, "/subjects").body().toString()).doesNotContain("zombie-write");

            // and once resumed, the old leader takes part again: the cluster agrees on a leader and ids stay unique
            zombie.elector().resume();
            cluster.awaitLeader(ELECTION);
            Cluster.Reply resumed = Cluster.register(zombie, "after-resume", Node.avroRecord("Resumed"));
            assertThat(resumed.status()).isEqualTo(200);
            assertThat(resumed.body().path("id").asInt())
                    .isGreaterThan(taken.body().path("id").asInt());
            assertThat(Cluster.get(zombie, "/subjects").body().toString()).doesNotContain("zombie-write");
        }
    }

    /** Every record of the topic a read_committed reader sees, keys and values as text. */
    private static List<String> committedRecords(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class);
        List<String> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    records.add(text(record.key()) + " " + text(record.value()));
                }
            }
        }
        assertThat(records).anyMatch(text -> text.contains("after-takeover"));
        return records;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
