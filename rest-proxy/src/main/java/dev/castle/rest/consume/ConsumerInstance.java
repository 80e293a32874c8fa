package dev.castle.rest.consume;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.rest.cluster.KafkaCluster;
import dev.castle.rest.cluster.KafkaCluster.TopicInfo;
import dev.castle.rest.consume.Bodies.PartitionOffset;
import dev.castle.rest.http.EmbeddedFormat;
import dev.castle.rest.http.RestException;
import java.time.Duration;
import java.util.ArrayDeque;
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
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;

/**
 * One consumer instance: a Kafka consumer used by one request at a time (a Kafka consumer is not thread-safe), its
 * embedded format, and when it was last used.
 *
 * <p>A fetch hands out records up to {@code max_bytes}. What one poll returned beyond that is held here, in poll order,
 * and handed out first by the next fetch, so a small {@code max_bytes} does not make the broker send the same bytes
 * again for every request. Held records are never committed: every other operation (seek, assign, subscribe, commit,
 * close) first puts them back, moving each partition to its first held record, so the Kafka consumer's position (which
 * Kafka's auto-commit and {@code commitSync()} use) is exactly what clients received. Polls happen only with nothing
 * held, so a rebalance or an auto-commit inside a poll sees the same positions.
 */
final class ConsumerInstance implements AutoCloseable {
    private static final String ONE_WAY_ONLY = "IllegalStateError: You must choose only one way to configure your"
            + " consumer: (1) subscribe to specific topics by name, (2) subscribe to topics matching a regex"
            + " pattern, (3) assign itself specific topic-partitions.";

    /** How long records may stay held without a poll (Kafka's max.poll.interval.ms is 5 minutes by default). */
    private static final Duration HELD_AT_MOST = Duration.ofSeconds(30);

    private final String group;
    private final String name;
    private final EmbeddedFormat format;
    private final Consumer<byte[], byte[]> consumer;
    private final Duration requestTimeout;
    private final RecordDecoder decoder;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<ConsumerRecord<byte[], byte[]>> held = new ArrayDeque<>();
    private long lastPollNanos = System.nanoTime();
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

    /**
     * Runs one operation with the consumer to itself, held records put back first; Kafka's illegal-state errors are
     * 409/40903.
     */
    <T> T use(Supplier<T> operation) {
        return locked(() -> {
            putBack();
            return operation.get();
        });
    }

    private <T> T locked(Supplier<T> operation) {
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

    /**
     * Moves to the given offsets, and (Confluent's addition) to the first record at or after each given timestamp, or
     * the end of the partition when there is none.
     */
    void seek(JsonNode body) {
        boolean byTime = body != null && body.hasNonNull("timestamps");
        List<PartitionOffset> offsets = byTime && !body.hasNonNull("offsets") ? List.of() : Bodies.offsets(body);
        List<PartitionOffset> times = byTime ? Bodies.timestamps(body) : List.of();
        run(() -> {
            Set<TopicPartition> assigned = consumer.assignment();
            for (PartitionOffset offset : concat(offsets, times)) {
                if (!assigned.contains(offset.partition())) {
                    throw RestException.of(40903, "Partition " + offset.partition() + " is unassigned");
                }
            }
            offsets.forEach(offset -> consumer.seek(offset.partition(), offset.offset()));
            if (!times.isEmpty()) {
                Map<TopicPartition, Long> query = new LinkedHashMap<>();
                times.forEach(time -> query.put(time.partition(), time.offset()));
                Map<TopicPartition, OffsetAndTimestamp> found = kafka(
                        "Failed to look up offsets by timestamp",
                        () -> consumer.offsetsForTimes(query, requestTimeout));
                List<TopicPartition> pastTheEnd = new ArrayList<>();
                query.keySet().forEach(partition -> {
                    OffsetAndTimestamp at = found.get(partition);
                    if (at == null) {
                        pastTheEnd.add(partition);
                    } else {
                        consumer.seek(partition, at.offset());
                    }
                });
                if (!pastTheEnd.isEmpty()) {
                    consumer.seekToEnd(pastTheEnd);
                }
            }
        });
    }

    private static List<PartitionOffset> concat(List<PartitionOffset> first, List<PartitionOffset> second) {
        List<PartitionOffset> both = new ArrayList<>(first);
        both.addAll(second);
        return both;
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
        return locked(() -> {
            List<ConsumerRecord<byte[], byte[]>> fetched = fetch(timeout, maxBytes);
            List<Map<String, Object>> answer = new ArrayList<>(fetched.size());
            try {
                for (ConsumerRecord<byte[], byte[]> record : fetched) {
                    answer.add(body(record));
                }
            } catch (RestException e) {
                for (int i = fetched.size() - 1; i >= 0; i--) {
                    held.addFirst(fetched.get(i));
                }
                putBack();
                throw e;
            }
            return answer;
        });
    }

    private List<ConsumerRecord<byte[], byte[]>> fetch(Duration timeout, long maxBytes) {
        if (!held.isEmpty() && System.nanoTime() - lastPollNanos > HELD_AT_MOST.toNanos()) {
            putBack(); // poll again before Kafka's max.poll.interval.ms takes the partitions away
        }
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        long bytes = handOut(held, out, 0, maxBytes);
        if (!held.isEmpty() || bytes >= maxBytes) {
            return out;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long remaining = Math.max(0, deadline - System.nanoTime());
            ConsumerRecords<byte[], byte[]> polled;
            try {
                polled = kafka("Failed to fetch", () -> consumer.poll(Duration.ofNanos(remaining)));
            } catch (IllegalStateException e) {
                return out; // neither subscribed nor assigned: nothing to fetch, as Karapace answers
            } finally {
                lastPollNanos = System.nanoTime();
            }
            if (polled.isEmpty()) {
                if (!out.isEmpty() || remaining == 0) {
                    return out;
                }
                continue;
            }
            polled.forEach(held::addLast);
            bytes = handOut(held, out, bytes, maxBytes);
            if (!held.isEmpty() || bytes >= maxBytes || remaining == 0) {
                return out;
            }
        }
    }

    /** Moves records from the front of {@code from} to {@code out} while they fit {@code maxBytes}; the first always does. */
    private static long handOut(
            ArrayDeque<ConsumerRecord<byte[], byte[]>> from,
            List<ConsumerRecord<byte[], byte[]>> out,
            long bytes,
            long maxBytes) {
        while (!from.isEmpty()) {
            long size = size(from.peekFirst());
            if (!out.isEmpty() && bytes + size > maxBytes) {
                break;
            }
            out.add(from.pollFirst());
            bytes += size;
        }
        return bytes;
    }

    /** Moves each partition back to its first held record and forgets them, so nothing held is ever committed. */
    private void putBack() {
        if (held.isEmpty()) {
            return;
        }
        Map<TopicPartition, Long> first = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : held) {
            first.putIfAbsent(new TopicPartition(record.topic(), record.partition()), record.offset());
        }
        held.clear();
        Set<TopicPartition> assigned = consumer.assignment();
        first.forEach((partition, offset) -> {
            if (assigned.contains(partition)) {
                consumer.seek(partition, offset);
            }
        });
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
            putBack();
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
