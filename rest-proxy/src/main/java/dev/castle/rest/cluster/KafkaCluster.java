package dev.castle.rest.cluster;

import dev.castle.rest.http.RestException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brokers, topics, partitions and offsets through one {@link Admin} client. A topic's description is reused for the
 * metadata max age (Karapace's {@code admin_metadata_max_age}), so the produce path does not ask the cluster on every
 * request; a topic never seen, or not found, is always asked for again.
 */
public final class KafkaCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaCluster.class);

    private final Admin admin;
    private final Duration maxAge;
    private final Duration timeout;
    private final Map<String, Cached> topics = new ConcurrentHashMap<>();
    private volatile Boolean autoCreate;

    public KafkaCluster(Admin admin, Duration maxAge, Duration timeout) {
        this.admin = admin;
        this.maxAge = maxAge;
        this.timeout = timeout;
    }

    /** A partition: its leader's id (-1 when none) and its replicas. */
    public record PartitionInfo(int partition, int leader, List<Replica> replicas) {}

    public record Replica(int broker, boolean leader, boolean inSync) {}

    /** A topic and its partitions in order. */
    public record TopicInfo(String name, List<PartitionInfo> partitions) {
        public Optional<PartitionInfo> partition(int partition) {
            return partition >= 0 && partition < partitions.size()
                    ? Optional.of(partitions.get(partition))
                    : Optional.empty();
        }
    }

    private record Cached(TopicInfo topic, long expiresAtNanos) {}

    public List<Integer> brokers() {
        return await(admin.describeCluster().nodes()).stream()
                .map(Node::id)
                .sorted()
                .toList();
    }

    /** Every topic's name, internal topics included, sorted. */
    public List<String> topicNames() {
        return await(admin.listTopics(new ListTopicsOptions().listInternal(true))
                        .names())
                .stream()
                .sorted()
                .toList();
    }

    /** The topic, from the cache while fresh. */
    public Optional<TopicInfo> topic(String name) {
        Cached cached = topics.get(name);
        if (cached != null && System.nanoTime() < cached.expiresAtNanos()) {
            return Optional.of(cached.topic());
        }
        Optional<TopicInfo> fresh = describe(name);
        fresh.ifPresentOrElse(
                topic -> topics.put(name, new Cached(topic, System.nanoTime() + maxAge.toNanos())),
                () -> topics.remove(name));
        return fresh;
    }

    /**
     * The topic to produce to. A topic that does not exist is created with the broker's defaults when the broker
     * creates topics on first use ({@code auto.create.topics.enable}), as a producer would have it created.
     */
    public Optional<TopicInfo> topicForProduce(String name) {
        Optional<TopicInfo> topic = topic(name);
        if (topic.isPresent() || !brokerCreatesTopics()) {
            return topic;
        }
        try {
            int partitions = admin.createTopics(List.of(new NewTopic(name, Optional.empty(), Optional.empty())))
                    .numPartitions(name)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            log.info("Created topic {} with {} partitions on first produce", name, partitions);
            // the brokers' metadata may not list it yet; a producer waits for it, and only the count matters here
            List<PartitionInfo> created = new ArrayList<>();
            for (int partition = 0; partition < partitions; partition++) {
                created.add(new PartitionInfo(partition, -1, List.of()));
            }
            return Optional.of(new TopicInfo(name, List.copyOf(created)));
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("Could not create topic {}: {}", name, e.getCause().toString());
                return Optional.empty();
            }
        } catch (TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
        return awaitVisible(name);
    }

    /**
     * A topic the controller has but this broker's metadata may not list yet (created by someone else an instant
     * ago): asked again, briefly, until it shows up or the timeout passes.
     */
    private Optional<TopicInfo> awaitVisible(String name) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<TopicInfo> topic = topic(name);
        while (topic.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            topic = topic(name);
        }
        return topic;
    }

    /** The topic's configuration as strings; empty when the topic does not exist. */
    public Optional<Map<String, String>> configs(String name) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, name);
        try {
            Config config =
                    await(admin.describeConfigs(List.of(resource)).values().get(resource));
            Map<String, String> values = new TreeMap<>();
            for (ConfigEntry entry : config.entries()) {
                if (entry.value() != null) {
                    values.put(entry.name(), entry.value());
                }
            }
            return Optional.of(values);
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /** A partition's log start offset and high watermark. */
    public record Offsets(long beginning, long end) {}

    /** The log start offset and the high watermark of a partition. */
    public Offsets offsets(String topic, int partition) {
        TopicPartition tp = new TopicPartition(topic, partition);
        long beginning = await(
                        admin.listOffsets(Map.of(tp, OffsetSpec.earliest())).partitionResult(tp))
                .offset();
        long end = await(admin.listOffsets(Map.of(tp, OffsetSpec.latest())).partitionResult(tp))
                .offset();
        return new Offsets(beginning, end);
    }

    private Optional<TopicInfo> describe(String name) {
        try {
            TopicDescription description =
                    await(admin.describeTopics(List.of(name)).allTopicNames()).get(name);
            List<PartitionInfo> partitions = new ArrayList<>();
            description.partitions().stream()
                    .sorted(Comparator.comparingInt(TopicPartitionInfo::partition))
                    .forEach(p -> partitions.add(partition(p)));
            return Optional.of(new TopicInfo(name, List.copyOf(partitions)));
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    private static PartitionInfo partition(TopicPartitionInfo info) {
        int leader = info.leader() == null ? -1 : info.leader().id();
        Set<Integer> inSync = new java.util.HashSet<>();
        info.isr().forEach(node -> inSync.add(node.id()));
        List<Replica> replicas = info.replicas().stream()
                .map(node -> new Replica(node.id(), node.id() == leader, inSync.contains(node.id())))
                .toList();
        return new PartitionInfo(info.partition(), leader, replicas);
    }

    private boolean brokerCreatesTopics() {
        Boolean known = autoCreate;
        if (known != null) {
            return known;
        }
        List<Integer> brokers = brokers();
        if (brokers.isEmpty()) {
            return false;
        }
        ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, Integer.toString(brokers.get(0)));
        Config config = await(admin.describeConfigs(List.of(broker)).values().get(broker));
        ConfigEntry entry = config.get("auto.create.topics.enable");
        autoCreate = entry != null && Boolean.parseBoolean(entry.value());
        return autoCreate;
    }

    /** Waits for an Admin result: unknown topics become {@link NotFound}, an unreachable cluster 503. */
    private <T> T await(KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UnknownTopicOrPartitionException
                    || e.getCause() instanceof InvalidTopicException
                    || e.getCause() instanceof TopicAuthorizationException) {
                throw new NotFound(); // a topic the caller may not see does not exist for it (spec §9)
            }
            if (e.getCause() instanceof AuthenticationException || e.getCause() instanceof AuthorizationException) {
                throw RestException.messageOnly(403, "Forbidden");
            }
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw unavailable(e.getCause());
            }
            log.warn("Kafka refused a metadata request: {}", e.getCause().toString());
            throw RestException.of(500, "Kafka error: " + e.getCause().getMessage());
        } catch (TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    private static RestException unavailable(Throwable cause) {
        log.warn("Kafka did not answer: {}", cause.toString());
        return RestException.of(503, "Service unavailable");
    }

    /** A topic or partition the cluster does not have. */
    private static final class NotFound extends RuntimeException {
        NotFound() {
            super(null, null, false, false);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
