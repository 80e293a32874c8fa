package dev.castle.server;

import dev.castle.embedded.EmbeddedKafka;
import dev.castle.topology.SchemasTopic;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The Kafka side of a node: the configured cluster, or an embedded broker when none is configured; the client
 * settings every Kafka client of the node shares; and the {@code _schemas} topic, created when absent.
 */
record KafkaConnection(Map<String, Object> clientConfig, String clusterId) {
    private static final long ADMIN_TIMEOUT_MS = 60_000;

    /** Connects (starting the embedded broker if needed, added to {@code started}) and ensures the topic. */
    static KafkaConnection open(CastleConfig config, List<AutoCloseable> started) {
        Map<String, Object> clientConfig = clientConfig(config, started);
        Object bootstrap = clientConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        try (Admin admin = Admin.create(clientConfig)) {
            String clusterId = admin.describeCluster().clusterId().get(ADMIN_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            SchemasTopic.ensure(admin, config.topic(), config.topicReplicationFactor(), topicConfigs(config));
            awaitVisible(clientConfig, config.topic());
            return new KafkaConnection(Map.copyOf(clientConfig), clusterId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while connecting to Kafka at " + bootstrap, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot reach Kafka at " + bootstrap, e);
        }
    }

    /**
     * The settings every Kafka client of the node shares, with the configured cluster or, when none is configured, an
     * embedded broker started here (and added to {@code started}).
     */
    static Map<String, Object> clientConfig(CastleConfig config, List<AutoCloseable> started) {
        String bootstrap = config.bootstrapServers().orElseGet(() -> {
            EmbeddedKafka embedded = EmbeddedKafka.start(config.dataDir(), config.embeddedKafkaPort());
            started.add(embedded);
            return embedded.bootstrapServers();
        });
        Map<String, Object> clientConfig = new HashMap<>(config.kafkaClientConfig());
        clientConfig.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return clientConfig;
    }

    /**
     * Waits until the brokers' metadata lists the topic. A topic the controller has just created may not be known to
     * the broker the fold's consumer asks yet, and Kafka Streams refuses to start a global store on a topic without
     * partitions. A producer's metadata wait is Kafka's own condition for exactly this.
     */
    private static void awaitVisible(Map<String, Object> clientConfig, String topic) {
        Map<String, Object> probeConfig = new HashMap<>(clientConfig);
        probeConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ADMIN_TIMEOUT_MS);
        probeConfig.put(ProducerConfig.CLIENT_ID_CONFIG, "castle-topic-probe");
        try (Producer<byte[], byte[]> probe =
                new KafkaProducer<>(probeConfig, new ByteArraySerializer(), new ByteArraySerializer())) {
            probe.partitionsFor(topic);
        }
    }

    /** {@code kafkastore.topic.config.*} keys, as Confluent passes them to the topic it creates. */
    private static Map<String, String> topicConfigs(CastleConfig config) {
        return config.withPrefix(CastleConfig.TOPIC_CONFIG_PREFIX);
    }
}
