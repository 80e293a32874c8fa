package dev.castle.rest.consume;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.rest.cluster.KafkaCluster;
import dev.castle.rest.cluster.KafkaCluster.TopicInfo;
import dev.castle.rest.consume.Bodies.PartitionOffset;
import dev.castle.rest.http.EmbeddedFormat;
import dev.castle.rest.http.RestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * One consumer instance: a Kafka consumer used by one request at a time (a Kafka consumer is not thread-safe), its
 * embedded format, and when it was last used. A fetch hands out records up to {@code max_bytes} and moves the
 * position back to the first record it did not hand out, so nothing is held in memory between fetches and nothing a
 * client did not receive is ever committed.
 */
final class ConsumerInstance implements AutoCloseable {
    private static final String ONE_WAY_ONLY = "IllegalStateError: You must choose only one way to configure your"
            + " consumer: (1) subscribe to specific topics by name, (2) subscribe to topics matching a regex"
            + " pattern, (3) assign itself specific topic-partitions.";

    private final String group;
    private final String name;
    private final EmbeddedFormat format;
    private final Consumer<byte[], byte[]> consumer;
    private final Duration requestTimeout;
    private final RecordDecoder decoder;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile long lastUsedNanos = System.nanoTime();

    ConsumerInstance(
            String group,
            String name,
            EmbeddedFormat format,
            Consumer<byte[], byte[]> consumer,
            Duration requestTimeout,
            RecordDecoder decoder) {
        this.group = group;
        this.name = name;
        this.format = format;
        this.consumer = consumer;
        this.requestTimeout = requestTimeout;
        this.decoder = decoder;
    }

    String name() {
        return name;
    }

    EmbeddedFormat format() {
        return format;
    }

    Duration requestTimeout() {
        return requestTimeout;
    }

    /** Runs one operation with the consumer to itself; Kafka's illegal-state errors are 409/40903. */
    <T> T use(Supplier<T> operation) {
        lock.lock();
        try {
            lastUsedNanos = System.nanoTime();
            return operation.get();
        } catch (IllegalStateException e) {
            throw RestException.of(40903, "Illegal state: " + e.getMessage());
        } finally {
            lastUsedNanos = System.nanoTime();
            lock.unlock();
        }
    }

    void run(Runnable operation) {
        use(() -> {
            operation.run();
            return null;
        });
    }

    /** Whether it has been unused for {@code idle} and no request is using it now. */
    boolean idleFor(Duration idle) {
        return !lock.isLocked() && System.nanoTime() - lastUsedNanos > idle.toNanos();
    }

    void subscribe(JsonNode body) {
        JsonNode topics = body.get("topics");
        JsonNode pattern = body.get("topic_pattern");
        boolean hasTopics = topics != null && !topics.isNull();
        boolean hasPattern = pattern != null && !pattern.isNull();
        if (hasTopics && hasPattern) {
            throw RestException.of(40903, ONE_WAY_ONLY);
        }
        if (!hasTopics && !hasPattern) {
            throw RestException.of(40903, "Neither topic_pattern nor topics are present in request");
        }
        if (hasTopics) {
            List<String> names = new ArrayList<>();
            if (!topics.isArray()) {
                throw RestException.of(422, "Topics is expected to be list of strings");
            }
            for (JsonNode topic : topics) {
                if (!topic.isTextual()) {
                    throw RestException.of(422, "Topics is expected to be list of strings");
                }
                names.add(topic.textValue());
            }
            run(() -> subscribeOrConflict(() -> consumer.subscribe(names)));
        } else {
            if (!pattern.isTextual()) {
                throw RestException.of(422, "Topic pattern is expected to be a string");
            }
            Pattern compiled;
            try {
                compiled = Pattern.compile(pattern.textValue());
            } catch (PatternSyntaxException e) {
                throw RestException.of(422, "Invalid topic pattern: " + e.getDescription());
            }
            run(() -> subscribeOrConflict(() -> consumer.subscribe(compiled)));
        }
    }

    private static void subscribeOrConflict(Runnable subscribe) {
        try {
            subscribe.run();
        } catch (IllegalStateException e) {
            throw RestException.of(40903, ONE_WAY_ONLY);
        }
    }

    Map<String, Object> subscription() {
        return Map.of(
                "topics", use(() -> consumer.subscription().stream().sorted().toList()));
    }

    void unsubscribe() {
        run(consumer::unsubscribe);
    }

    void assign(JsonNode body) {
        List<TopicPartition> partitions = Bodies.partitions(body);
        run(() -> subscribeOrConflict(() -> consumer.assign(partitions)));
    }

    Map<String, Object> assignments() {
        List<Map<String, Object>> partitions = use(() -> consumer.assignment().stream()
                .sorted(Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition))
                .map(ConsumerInstance::partitionBody)
                .toList());
        return Map.of("partitions", partitions);
    }

    void seek(JsonNode body) {
        List<PartitionOffset> offsets = Bodies.offsets(body);
        run(() -> {
            Set<TopicPartition> assigned = consumer.assignment();
            for (PartitionOffset offset : offsets) {
                if (!assigned.contains(offset.partition())) {
                    throw RestException.of(40903, "Partition " + offset.partition() + " is unassigned");
                }
            }
            offsets.forEach(offset -> consumer.seek(offset.partition(), offset.offset()));
        });
    }

    void seekToEdge(JsonNode body, boolean beginning, KafkaCluster cluster) {
        List<TopicPartition> partitions = Bodies.partitions(body);
        for (TopicPartition partition : partitions) {
            boolean known = cluster.topic(partition.topic())
                    .flatMap(topic -> topic.partition(partition.partition()))
                    .isPresent();
            if (!known) {
                throw RestException.of(40403, "Unknown topic or partition");
            }
        }
        run(() -> {
            if (!consumer.assignment().containsAll(partitions)) {
                throw RestException.of(
                        40903, "Trying to reset unassigned partitions to " + (beginning ? "beginning" : "end"));
            }
            if (beginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
        });
    }

    /** Commits the given offsets (each + 1, the next record to read), or every current position when none are given. */
    void commit(JsonNode body, KafkaCluster cluster) {
        if (body.isEmpty()
                || (body.size() == 1
                        && body.has("offsets")
                        && body.get("offsets").isNull())) {
            run(() -> kafkaRun("error sending commit request", consumer::commitSync));
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (PartitionOffset offset : Bodies.offsets(body)) {
            TopicPartition partition = offset.partition();
            TopicInfo topic = cluster.topic(partition.topic())
                    .orElseThrow(() -> RestException.of(40401, "Topic " + partition.topic() + " not found"));
            if (topic.partition(partition.partition()).isEmpty()) {
                throw RestException.of(
                        40402, "Partition " + partition.partition() + " not found for topic " + partition.topic());
            }
            offsets.put(partition, new OffsetAndMetadata(offset.offset() + 1));
        }
        run(() -> kafkaRun("error sending commit request", () -> consumer.commitSync(offsets)));
    }

    Map<String, Object> committed(JsonNode body) {
        Set<TopicPartition> partitions = new HashSet<>(Bodies.partitions(body));
        Map<TopicPartition, OffsetAndMetadata> committed =
                use(() -> kafka("Failed to get offsets", () -> consumer.committed(partitions)));
        List<Map<String, Object>> offsets = new ArrayList<>();
        committed.entrySet().stream()
                .filter(entry -> entry.getValue() != null)
                .sorted(Map.Entry.comparingByKey(
                        Comparator.comparing(TopicPartition::topic).thenComparingInt(TopicPartition::partition)))
                .forEach(entry -> {
                    Map<String, Object> offset = partitionBody(entry.getKey());
                    offset.put("offset", entry.getValue().offset());
                    offset.put("metadata", entry.getValue().metadata());
                    offsets.add(offset);
                });
        return Map.of("offsets", offsets);
    }

    /** Records for one {@code GET .../records}: as many as fit {@code maxBytes} (at least one), within {@code timeout}. */
    List<Map<String, Object>> records(Duration timeout, long maxBytes) {
        return use(() -> {
            List<ConsumerRecord<byte[], byte[]>> fetched = fetch(timeout, maxBytes);
            List<Map<String, Object>> answer = new ArrayList<>(fetched.size());
            try {
                for (ConsumerRecord<byte[], byte[]> record : fetched) {
                    answer.add(body(record));
                }
            } catch (RestException e) {
                rewind(fetched);
                throw e;
            }
            return answer;
        });
    }

    private List<ConsumerRecord<byte[], byte[]>> fetch(Duration timeout, long maxBytes) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<byte[], byte[]>> held = new ArrayList<>();
        long bytes = 0;
        while (true) {
            long remaining = Math.max(0, deadline - System.nanoTime());
            ConsumerRecords<byte[], byte[]> polled;
            try {
                polled = kafka("Failed to fetch", () -> consumer.poll(Duration.ofNanos(remaining)));
            } catch (IllegalStateException e) {
                return held; // neither subscribed nor assigned: nothing to fetch, as Karapace answers
            }
            if (polled.isEmpty()) {
                if (!held.isEmpty() || remaining == 0) {
                    return held;
                }
                continue;
            }
            Map<TopicPartition, Long> notHandedOut = new LinkedHashMap<>();
            for (ConsumerRecord<byte[], byte[]> record : polled) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                long size = size(record);
                if (notHandedOut.containsKey(partition) || (!held.isEmpty() && bytes + size > maxBytes)) {
                    notHandedOut.putIfAbsent(partition, record.offset());
                    continue;
                }
                held.add(record);
                bytes += size;
            }
            notHandedOut.forEach(consumer::seek);
            if (!notHandedOut.isEmpty() || bytes >= maxBytes || remaining == 0) {
                return held;
            }
        }
    }

    /** Moves each partition back to the first of these records, so a fetch that failed hands nothing out. */
    private void rewind(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, Long> first = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            first.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        first.forEach(consumer::seek);
    }

    private Map<String, Object> body(ConsumerRecord<byte[], byte[]> record) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("key", decoder.key(record.key()));
        body.put("offset", record.offset());
        body.put("partition", record.partition());
        body.put("timestamp", record.timestamp() < 0 ? null : record.timestamp());
        body.put("topic", record.topic());
        body.put("value", decoder.value(record.value()));
        return body;
    }

    private static long size(ConsumerRecord<byte[], byte[]> record) {
        return (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
    }

    private static Map<String, Object> partitionBody(TopicPartition partition) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("partition", partition.partition());
        body.put("topic", partition.topic());
        return body;
    }

    /** Runs a Kafka call; a failure Kafka reports is a 500 whose message says what failed. */
    private static <T> T kafka(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (org.apache.kafka.common.errors.AuthorizationException
                | org.apache.kafka.common.errors.AuthenticationException e) {
            throw RestException.messageOnly(403, "Forbidden");
        } catch (KafkaException e) {
            throw RestException.of(500, what + ": " + e.getMessage());
        }
    }

    private static void kafkaRun(String what, Runnable call) {
        kafka(what, () -> {
            call.run();
            return null;
        });
    }

    @Override
    public void close() {
        lock.lock();
        try {
            consumer.close(org.apache.kafka.clients.consumer.CloseOptions.timeout(Duration.ofSeconds(5)));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "('" + group + "', '" + name + "')";
    }
}
