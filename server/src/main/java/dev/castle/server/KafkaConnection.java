package dev.castle.server;

import dev.castle.topology.SchemasTopic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;

/**
 * The Kafka side of a node: the configured cluster, or an embedded broker when none is configured; the client
 * settings every Kafka client of the node shares; and the {@code _schemas} topic, created when absent.
 */
record KafkaConnection(Map<String, Object> clientConfig, String clusterId) {
    private static final long ADMIN_TIMEOUT_MS = 60_000;

    /** Connects (starting the embedded broker if needed, added to {@code started}) and ensures the topic. */
    static KafkaConnection open(CastleConfig config, List<AutoCloseable> started) {
        String bootstrap = config.bootstrapServers().orElseGet(() -> {
            EmbeddedKafka embedded = EmbeddedKafka.start(config.dataDir(), config.embeddedKafkaPort());
            started.add(embedded);
            return embedded.bootstrapServers();
        });
        Map<String, Object> clientConfig = new HashMap<>(config.kafkaClientConfig());
        clientConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(clientConfig)) {
            String clusterId = admin.describeCluster().clusterId().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            SchemasTopic.ensure(admin, config.topic(), config.topicReplicationFactor(), topicConfigs(config));
            return new KafkaConnection(Map.copyOf(clientConfig), clusterId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to Kafka at " + bootstrap, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot reach Kafka at " + bootstrap, e);
        }
    }

    /** {@code kafkastore.topic.config.*} keys, as Confluent passes them to the topic it creates. */
    private static Map<String, String> topicConfigs(CastleConfig config) {
        return config.withPrefix(CastleConfig.TOPIC_CONFIG_PREFIX);
    }
}
