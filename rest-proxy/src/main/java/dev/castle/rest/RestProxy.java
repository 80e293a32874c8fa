package dev.castle.rest;

import dev.castle.rest.cluster.KafkaCluster;
import dev.castle.rest.consume.ConsumerManager;
import dev.castle.rest.consume.ConsumerRoutes;
import dev.castle.rest.http.ProxyConventions;
import dev.castle.rest.produce.Produce;
import dev.castle.serdes.JsonCodec;
import dev.castle.serdes.SchemaRegistryPort;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
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
 * The Kafka REST Proxy v2 on its own listener (DESIGN §11): one Admin client for metadata, one shared producer, the
 * consumer instances, and a registry reached through {@link SchemaRegistryPort}. Start it with
 * {@link #start(RestConfig, SchemaRegistryPort)}; close it to stop everything it started.
 */
public final class RestProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RestProxy.class);
    private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

    private final List<AutoCloseable> resources;
    private final int port;

    private RestProxy(List<AutoCloseable> resources, int port) {
        this.resources = resources;
        this.port = port;
    }

    /** Starts the proxy; on failure whatever was started is stopped again. */
    public static RestProxy start(RestConfig config, SchemaRegistryPort registry) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            return start(config, registry, started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static RestProxy start(RestConfig config, SchemaRegistryPort registry, List<AutoCloseable> started) {
        KafkaCluster cluster = new KafkaCluster(
                Admin.create(config.clientConfig(RestConfig.ADMIN_PREFIX)), config.metadataMaxAge(), KAFKA_TIMEOUT);
        started.add(cluster);
        Producer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(config));
        started.add(producer::close);
        Produce produce = new Produce(
                cluster,
                producer,
                registry,
                config.nameStrategy(),
                config.nameStrategyValidation(),
                KAFKA_TIMEOUT.multipliedBy(3).plusSeconds(5));
        ConsumerManager consumers = new ConsumerManager(
                config.clientConfig(RestConfig.CONSUMER_PREFIX),
                KafkaConsumer::new,
                new JsonCodec(registry),
                config.consumerRequestTimeout(),
                config.consumerInstanceTimeout());
        started.add(consumers);
        ProxyRoutes routes = new ProxyRoutes(cluster, produce);
        URI listener = config.listener();
        ConsumerRoutes consumerRoutes = new ConsumerRoutes(
                consumers, cluster, ctx -> baseUrl(config, listener, ctx), config.consumerRequestMaxBytes());
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.jetty.host = listener.getHost();
            javalin.jetty.port = listener.getPort();
            ProxyConventions.install(javalin, config.httpRequestMaxSize());
            routes.addTo(javalin.routes);
            consumerRoutes.addTo(javalin.routes);
        });
        app.start();
        started.add(app::stop);
        log.info("REST Proxy listening on {}:{}", listener.getHost(), app.port());
        return new RestProxy(List.copyOf(started), app.port());
    }

    private static Map<String, Object> producerConfig(RestConfig config) {
        Map<String, Object> producer = config.clientConfig(RestConfig.PRODUCER_PREFIX);
        producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
        producer.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis());
        producer.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) KAFKA_TIMEOUT.toMillis() * 3);
        producer.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "castle-rest-proxy");
        return producer;
    }

    /** {@code host.name} when set, else the scheme and Host the client used to reach this node. */
    private static String baseUrl(RestConfig config, URI listener, Context ctx) {
        return config.hostName()
                .map(host -> listener.getScheme() + "://" + host + ":" + ctx.port())
                .orElseGet(() -> ctx.scheme() + "://" + ctx.host());
    }

    public int port() {
        return port;
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
                log.warn("Error while stopping the REST Proxy's {}", resources.get(i), e);
            }
        }
    }
}
