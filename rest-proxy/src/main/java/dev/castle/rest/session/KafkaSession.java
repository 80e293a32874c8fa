package dev.castle.rest.session;

import dev.castle.rest.RestConfig;
import dev.castle.rest.cluster.KafkaCluster;
import dev.castle.rest.consume.ConsumerManager;
import dev.castle.rest.produce.Produce;
import dev.castle.serdes.JsonCodec;
import dev.castle.serdes.SchemaRegistryPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka clients one caller works with: an Admin client for metadata, one producer shared by all its produce
 * requests, and its consumer instances. Without authorization pass-through every request shares one session.
 */
public final class KafkaSession implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaSession.class);
    static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaCluster cluster;
    private final Produce produce;
    private final ConsumerManager consumers;
    private final List<AutoCloseable> resources;
    private volatile long lastUsedNanos = System.nanoTime();

    private KafkaSession(
            KafkaCluster cluster, Produce produce, ConsumerManager consumers, List<AutoCloseable> resources) {
        this.cluster = cluster;
        this.produce = produce;
        this.consumers = consumers;
        this.resources = resources;
    }

    /**
     * Opens the clients with the proxy's settings, {@code overrides} (a caller's credentials) laid over every kind of
     * client.
     */
    public static KafkaSession open(
            RestConfig config, Map<String, Object> overrides, SchemaRegistryPort registry, JsonCodec codec) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            KafkaCluster cluster = new KafkaCluster(
                    Admin.create(with(config.clientConfig(RestConfig.ADMIN_PREFIX), overrides)),
                    config.metadataMaxAge(),
                    KAFKA_TIMEOUT);
            started.add(cluster);
            Producer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(config, overrides));
            started.add(producer::close);
            Produce produce = new Produce(
                    cluster,
                    producer,
                    registry,
                    codec,
                    config.nameStrategy(),
                    config.nameStrategyValidation(),
                    KAFKA_TIMEOUT.multipliedBy(3).plusSeconds(5));
            ConsumerManager consumers = new ConsumerManager(
                    with(config.clientConfig(RestConfig.CONSUMER_PREFIX), overrides),
                    KafkaConsumer::new,
                    codec,
                    config.consumerRequestTimeout(),
                    config.consumerInstanceTimeout());
            started.add(consumers);
            return new KafkaSession(cluster, produce, consumers, List.copyOf(started));
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    public KafkaCluster cluster() {
        return cluster;
    }

    public Produce produce() {
        return produce;
    }

    public ConsumerManager consumers() {
        return consumers;
    }

    void touch() {
        lastUsedNanos = System.nanoTime();
    }

    /** Unused for {@code idle} and holding no consumer instance. */
    boolean idleFor(Duration idle) {
        return consumers.isEmpty() && System.nanoTime() - lastUsedNanos > idle.toNanos();
    }

    private static Map<String, Object> with(Map<String, Object> config, Map<String, Object> overrides) {
        Map<String, Object> merged = new HashMap<>(config);
        merged.putAll(overrides);
        return merged;
    }

    private static Map<String, Object> producerConfig(RestConfig config, Map<String, Object> overrides) {
        Map<String, Object> producer = with(config.clientConfig(RestConfig.PRODUCER_PREFIX), overrides);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
        producer.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
        producer.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis() * 3);
        producer.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "castle-rest-proxy");
        return producer;
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    private static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                log.warn("Error while closing the REST Proxy's {}", resources.get(i), e);
            }
        }
    }
}
