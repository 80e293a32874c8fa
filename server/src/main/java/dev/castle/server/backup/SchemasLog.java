package dev.castle.server.backup;

import dev.castle.domain.Event;
import dev.castle.server.CastleConfig;
import dev.castle.topology.SchemasCodec;
import dev.castle.topology.SchemasTopic;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The {@code _schemas} topic as the tools see it: read whole with a {@code read_committed} consumer from the beginning
 * to the end offset, in offset order, tombstones included; created with Castle's rules (one partition, compacted) and
 * appended to by one idempotent producer.
 */
final class SchemasLog {
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration STALL = Duration.ofMinutes(2);
    private static final long ADMIN_TIMEOUT_MS = 60_000;

    private final CastleConfig config;
    private final Map<String, Object> clientConfig;
    private final String topic;
    private final TopicPartition partition;

    private SchemasLog(CastleConfig config, Map<String, Object> clientConfig, String topic) {
        this.config = config;
        this.clientConfig = clientConfig;
        this.topic = topic;
        this.partition = new TopicPartition(topic, 0);
    }

    /** The configured cluster's topic ({@code kafkastore.topic}); the tools never start the embedded broker. */
    static SchemasLog of(CastleConfig config) {
        String bootstrap = config.bootstrapServers()
                .orElseThrow(() -> new BackupException(CastleConfig.BOOTSTRAP_SERVERS + " is not set. With the"
                        + " embedded broker, start Castle with castle.embedded.kafka.port=<port> and set "
                        + CastleConfig.BOOTSTRAP_SERVERS + "=127.0.0.1:<port> for the tools"));
        Map<String, Object> clientConfig = new HashMap<>(config.kafkaClientConfig());
        clientConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return new SchemasLog(config, clientConfig, config.topic());
    }

    String topic() {
        return topic;
    }

    /** A record read from the log, with its offset. */
    interface Sink {
        void accept(BackupRecord record, long offset);
    }

    /** Hands every committed record up to the end offset seen at the start to {@code sink}; returns how many. */
    long read(Sink sink, String what) {
        requireOnePartition(
                describe().orElseThrow(() -> new BackupException("The topic " + topic + " does not exist")));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long start = consumer.beginningOffsets(List.of(partition)).get(partition);
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            long count = 0;
            try (Progress progress = Progress.onConsole(what, end - start)) {
                long lastProgress = System.nanoTime();
                while (consumer.position(partition) < end) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                        if (record.offset() < end) {
                            sink.accept(new BackupRecord(record.key(), record.value()), record.offset());
                            count++;
                            progress.advance(1);
                            lastProgress = System.nanoTime();
                        }
                    }
                    if (System.nanoTime() - lastProgress > STALL.toNanos()) {
                        throw new BackupException("No record of " + topic + " arrived for " + STALL.toMinutes()
                                + " minutes at offset " + consumer.position(partition) + " of " + end);
                    }
                }
            }
            return count;
        }
    }

    /**
     * Creates the topic when absent (one partition, compacted, {@code kafkastore.topic.config.*}), checks it
     * otherwise, and refuses one holding anything but NOOP records unless {@code force}.
     */
    void prepareForRestore(boolean force) {
        boolean created;
        try (Admin admin = Admin.create(clientConfig)) {
            created = SchemasTopic.ensure(
                    admin, topic, config.topicReplicationFactor(), config.withPrefix(CastleConfig.TOPIC_CONFIG_PREFIX));
        } catch (IllegalStateException e) {
            throw new BackupException(e.getMessage(), e);
        }
        // a topic just created is empty; describing it at once can find a broker that does not list it yet
        if (!created && !force && !holdsOnlyNoops()) {
            throw new BackupException("The topic " + topic + " already holds registry records. Restore into an empty"
                    + " or new topic, or pass --force to append the backup after them (the backup's records win)");
        }
    }

    private boolean holdsOnlyNoops() {
        SchemasCodec codec = new SchemasCodec();
        boolean[] onlyNoops = {true};
        read(
                (record, offset) ->
                        onlyNoops[0] &= codec.decode(record.key(), record.value(), offset) instanceof Event.Noop,
                "checking " + topic);
        return onlyNoops[0];
    }

    /** Appends {@code records} to partition 0 in order and waits until Kafka has them all. */
    void append(List<BackupRecord> records, String what) {
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = producer();
                Progress progress = Progress.onConsole(what, records.size())) {
            for (BackupRecord record : records) {
                producer.send(new ProducerRecord<>(topic, 0, record.key(), record.value()), (metadata, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
                progress.advance(1);
                if (failure.get() != null) {
                    break;
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new BackupException(
                    "Writing to " + topic + " failed: " + failure.get().getMessage(), failure.get());
        }
    }

    private java.util.Optional<TopicDescription> describe() {
        try (Admin admin = Admin.create(clientConfig)) {
            return java.util.Optional.of(admin.describeTopics(List.of(topic))
                    .topicNameValues()
                    .get(topic)
                    .get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException) {
                return java.util.Optional.empty();
            }
            throw new BackupException(
                    "Cannot describe " + topic + ": " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new BackupException(
                    "Kafka at " + clientConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)
                            + " did not answer within a minute",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("Interrupted", e);
        }
    }

    private void requireOnePartition(TopicDescription description) {
        int partitions = description.partitions().size();
        if (partitions != 1) {
            throw new BackupException("The schema topic " + topic + " should have only 1 partition but has "
                    + partitions + "; its order across partitions is lost, so it cannot be backed up");
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> consumerConfig = new HashMap<>(clientConfig);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.CLIENT_ID_CONFIG, "castle-backup");
        return new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Map<String, Object> producerConfig = new HashMap<>(clientConfig);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "castle-restore");
        return new KafkaProducer<>(producerConfig, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
