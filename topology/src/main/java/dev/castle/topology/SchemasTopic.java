package dev.castle.topology;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the {@code _schemas} topic when absent and refuses one Castle cannot fold correctly (spec §5.1, DESIGN §3):
 * exactly one partition, {@code cleanup.policy=compact}.
 */
public final class SchemasTopic {
    private static final Logger log = LoggerFactory.getLogger(SchemasTopic.class);

    private SchemasTopic() {}

    /**
     * Creates the topic with one partition, compaction, {@code extraConfigs} and the replication factor capped by the
     * live broker count, or checks the existing one. Throws {@link IllegalStateException} when an existing topic has
     * more partitions or another cleanup policy. Returns true when this call created it (so it is empty).
     */
    public static boolean ensure(Admin admin, String topic, int replicationFactor, Map<String, String> extraConfigs) {
        TopicDescription description = describe(admin, topic);
        if (description == null) {
            int liveBrokers = await(admin.describeCluster().nodes()).size();
            if (create(admin, topic, replicationFactor(replicationFactor, liveBrokers), extraConfigs)) {
                return true;
            }
            description = describe(admin, topic);
        }
        verify(topic, description.partitions().size(), cleanupPolicy(admin, topic));
        return false;
    }

    /** The replication factor to create with: the configured one, capped by the live brokers, at least 1. */
    static short replicationFactor(int configured, int liveBrokers) {
        return (short) Math.max(1, Math.min(configured, liveBrokers));
    }

    /** Throws with Confluent's message when the topic cannot hold the registry. */
    static void verify(String topic, int partitions, String cleanupPolicy) {
        if (partitions != 1) {
            throw new IllegalStateException(
                    "The schema topic " + topic + " should have only 1 partition but has " + partitions);
        }
        if (!TopicConfig.CLEANUP_POLICY_COMPACT.equals(cleanupPolicy)) {
            throw new IllegalStateException("The retention policy of the schema topic " + topic
                    + " is incorrect. Expected cleanup.policy to be 'compact' but it is " + cleanupPolicy);
        }
    }

    private static boolean create(Admin admin, String topic, short replicationFactor, Map<String, String> extra) {
        Map<String, String> configs = new HashMap<>(extra);
        configs.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        NewTopic newTopic = new NewTopic(topic, 1, replicationFactor).configs(configs);
        try {
            await(admin.createTopics(List.of(newTopic)).all());
            log.info("Created the schema topic {} with replication factor {}", topic, replicationFactor);
            return true;
        } catch (TopicExistsException e) {
            log.info("The schema topic {} was created concurrently; checking it", topic);
            return false;
        }
    }

    private static TopicDescription describe(Admin admin, String topic) {
        try {
            return await(admin.describeTopics(List.of(topic)).topicNameValues().get(topic));
        } catch (UnknownTopicOrPartitionException e) {
            return null;
        }
    }

    private static String cleanupPolicy(Admin admin, String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        Config config = await(admin.describeConfigs(List.of(resource)).all()).get(resource);
        ConfigEntry entry = config == null ? null : config.get(TopicConfig.CLEANUP_POLICY_CONFIG);
        return entry == null ? null : entry.value();
    }

    /** Waits for an admin result, rethrowing Kafka's own exception rather than its ExecutionException wrapper. */
    private static <T> T await(KafkaFuture<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException("Admin request failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking the schema topic", e);
        }
    }
}
