package dev.castle.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Event;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import dev.castle.testing.Await;
import dev.castle.testing.TestKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/**
 * {@link RegistryStreams#catchUp} on a fold that trails its topic by seconds (its consumer's fetches wait for a
 * megabyte or three seconds): it returns once the fold holds every committed record, also when the log ends in
 * transaction markers and aborted records that no applied record carries the offset of.
 */
class CatchUpIT {
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How long the lagging fold's fetches wait for a megabyte that never comes. */
    private static final String FETCH_MAX_WAIT_MS = "3000";

    private final SchemasCodec codec = new SchemasCodec();
    private final String topic = "_schemas-catch-up-" + UUID.randomUUID();
    private final TopicPartition partition = new TopicPartition(topic, 0);

    private Properties laggingClient() {
        Properties properties = new Properties();
        properties.put("bootstrap.servers", TestKafka.bootstrapServers());
        properties.put("fetch.min.bytes", Integer.toString(1024 * 1024));
        properties.put("fetch.max.wait.ms", FETCH_MAX_WAIT_MS);
        return properties;
    }

    @Test
    void shouldCatchUpWithCommittedRecordsWhenLogEndsInMarkersAndAbortedRecords() throws Exception {
        try (Admin admin = TestKafka.admin();
                KafkaProducer<byte[], byte[]> producer = transactionalProducer()) {
            // given a fold that is ready and trails the topic
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            try (RegistryStreams streams = new RegistryStreams(laggingClient(), topic)) {
                streams.start();
                assertThat(streams.awaitReady(WAIT)).isTrue();

                // when a committed transaction, then an aborted one, reach the log
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(record(1));
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(record(2));
                producer.abortTransaction();
                Await.until(() -> stable(admin), WAIT, "the markers to be written");
                long end = committedEnd(admin);

                // then catching up returns with the committed record applied and the aborted one not
                assertThat(streams.catchUp(WAIT)).isTrue();
                assertThat(streams.view().versionsById(QualifiedSubject.DEFAULT_CONTEXT, 1))
                        .hasSize(1);
                assertThat(streams.view().versionsById(QualifiedSubject.DEFAULT_CONTEXT, 2))
                        .isEmpty();
                assertThat(streams.view().appliedOffset()).isLessThan(end - 1);
            }
        }
    }

    @Test
    void shouldNotCatchUpOnceClosed() throws Exception {
        try (Admin admin = TestKafka.admin()) {
            // given
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            RegistryStreams streams = new RegistryStreams(laggingClient(), topic);
            streams.start();
            assertThat(streams.awaitReady(WAIT)).isTrue();

            // when
            streams.close();

            // then it says so instead of failing
            assertThat(streams.catchUp(WAIT)).isFalse();
        }
    }

    private KafkaProducer<byte[], byte[]> transactionalProducer() {
        return new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        TestKafka.bootstrapServers(),
                        ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                        "catch-up-" + topic),
                new ByteArraySerializer(),
                new ByteArraySerializer());
    }

    private ProducerRecord<byte[], byte[]> record(int id) {
        Event event = new Event.SchemaUpserted(
                new SchemaVersion("s" + id, 1, id, SchemaType.AVRO, "\"string\"", List.of(), null, null, false));
        return new ProducerRecord<>(topic, 0, codec.encodeKey(event), codec.encodeValue(event));
    }

    /** No transaction is open and every marker is written: the committed end is the high watermark. */
    private boolean stable(Admin admin) {
        try {
            long highWatermark = admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                    .partitionResult(partition)
                    .get()
                    .offset();
            return committedEnd(admin) == highWatermark;
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private long committedEnd(Admin admin) throws InterruptedException, ExecutionException {
        return admin.listOffsets(
                        Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .partitionResult(partition)
                .get()
                .offset();
    }
}
