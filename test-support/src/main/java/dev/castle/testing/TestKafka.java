package dev.castle.testing;

import dev.castle.embedded.EmbeddedKafka;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** One real in-process KRaft broker shared by every integration test of this JVM, started on first use. */
public final class TestKafka {
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static EmbeddedKafka kafka;

    private TestKafka() {}

    /** The bootstrap servers of the shared broker, starting it if needed. */
    public static synchronized String bootstrapServers() {
        if (kafka == null) {
            Path dir = tempDir();
            kafka = EmbeddedKafka.start(dir);
            EmbeddedKafka started = kafka;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                started.close();
                                deleteRecursively(dir);
                            },
                            "test-kafka-shutdown"));
        }
        return kafka.bootstrapServers();
    }

    /** A name, starting with {@code hint}, that no other test of this JVM (nor an earlier run on the broker) uses. */
    public static String uniqueName(String hint) {
        return hint + "-" + NAMES.incrementAndGet() + "-" + System.nanoTime();
    }

    /** An admin client of the shared broker; the caller closes it. */
    public static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /**
     * Creates {@code topic} with {@code partitions} partitions and {@code configs}, and returns once the broker's
     * metadata lists it (the controller knows of a new topic before the broker that clients ask does).
     */
    public static String createTopic(String topic, int partitions, Map<String, String> configs) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs)))
                    .all()
                    .get();
            Await.until(() -> listed(admin, topic), TOPIC_TIMEOUT, "the broker to list topic " + topic);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted creating topic " + topic, e);
        }
        return topic;
    }

    /** As {@link #createTopic(String, int, Map)}, with the broker's topic defaults. */
    public static String createTopic(String topic, int partitions) {
        return createTopic(topic, partitions, Map.of());
    }

    /** Deletes {@code topic} and returns once the broker no longer lists it. */
    public static void deleteTopic(String topic) {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(topic)).all().get();
            Await.until(() -> !listed(admin, topic), TOPIC_TIMEOUT, "the broker to unlist topic " + topic);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot delete topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted deleting topic " + topic, e);
        }
    }

    private static boolean listed(Admin admin, String topic) {
        try {
            return admin.listTopics().names().get().contains(topic);
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every record of partition 0 of {@code topic} that a reader with this isolation level sees, in order. */
    public static List<ConsumerRecord<byte[], byte[]>> records(String topic, IsolationLevel isolation) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                isolation.toString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config)) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
        }
        return records;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("castle-test-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory is in the system's temp space
        }
    }
}
