package dev.castle.rest.consume;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.rest.http.EmbeddedFormat;
import dev.castle.rest.http.RestException;
import dev.castle.serdes.JsonCodec;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consumer instances this node holds (spec kafka-rest-api §3.5, §6), keyed by group and name. Instances live on
 * the node that created them; one unused for {@code consumer.instance.timeout.ms} is closed and leaves its group.
 */
public final class ConsumerManager implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConsumerManager.class);

    private final Map<String, Object> clientConfig;
    private final Function<Map<String, Object>, Consumer<byte[], byte[]>> consumers;
    private final JsonCodec codec;
    private final Duration defaultRequestTimeout;
    private final Duration idleTimeout;
    private final Map<Key, ConsumerInstance> instances = new ConcurrentHashMap<>();
    private final ScheduledExecutorService janitor;

    private record Key(String group, String name) {}

    /**
     * @param clientConfig the Kafka settings every instance's consumer starts from ({@code bootstrap.servers},
     *     {@code client.*}, {@code consumer.*})
     * @param idleTimeout how long an unused instance lives; zero or negative keeps instances until deleted
     */
    public ConsumerManager(
            Map<String, Object> clientConfig,
            Function<Map<String, Object>, Consumer<byte[], byte[]>> consumers,
            JsonCodec codec,
            Duration defaultRequestTimeout,
            Duration idleTimeout) {
        this.clientConfig = Map.copyOf(clientConfig);
        this.consumers = consumers;
        this.codec = codec;
        this.defaultRequestTimeout = defaultRequestTimeout;
        this.idleTimeout = idleTimeout;
        this.janitor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rest-consumer-janitor");
            thread.setDaemon(true);
            return thread;
        });
        if (!idleTimeout.isZero() && !idleTimeout.isNegative()) {
            long every = Math.max(100, Math.min(idleTimeout.toMillis() / 4, 30_000));
            janitor.scheduleWithFixedDelay(this::closeIdle, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Creates an instance; answers {@code instance_id} and {@code base_uri} under {@code baseUrl}. */
    public Map<String, Object> create(String group, ObjectNode body, String baseUrl) {
        String name = text(body, "name");
        if (name == null) {
            name = text(body, "id");
        }
        if (name == null) {
            name = UUID.randomUUID().toString();
        }
        Key key = new Key(group, name);
        if (instances.containsKey(key)) {
            throw RestException.of(40902, "Consumer " + name + " already exists");
        }
        EmbeddedFormat format = format(body);
        Map<String, Object> config = consumerConfig(group, name, body);
        Duration requestTimeout = body.has("consumer.request.timeout.ms")
                ? Duration.ofMillis(Bodies.integer(body, "consumer.request.timeout.ms"))
                : defaultRequestTimeout;
        ConsumerInstance instance;
        try {
            instance = new ConsumerInstance(
                    group, name, format, consumers.apply(config), requestTimeout, new RecordDecoder(format, codec));
        } catch (org.apache.kafka.common.KafkaException e) {
            throw RestException.of(42204, "Invalid consumer configuration: " + e.getMessage());
        }
        if (instances.putIfAbsent(key, instance) != null) {
            instance.close();
            throw RestException.of(40902, "Consumer " + name + " already exists");
        }
        log.info("Created consumer instance {} in group {} ({})", name, group, format.wireName());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("base_uri", baseUrl + "/consumers/" + group + "/instances/" + name);
        answer.put("instance_id", name);
        return answer;
    }

    /** The instance, or 404/40403. */
    public ConsumerInstance instance(String group, String name) {
        ConsumerInstance instance = instances.get(new Key(group, name));
        if (instance == null) {
            List<String> known = instances.keySet().stream()
                    .filter(key -> key.group().equals(group))
                    .map(key -> "('" + key.group() + "', '" + key.name() + "')")
                    .sorted()
                    .toList();
            throw RestException.of(40403, "Consumer for ('" + group + "', '" + name + "') not found among " + known);
        }
        return instance;
    }

    public void delete(String group, String name) {
        ConsumerInstance instance = instance(group, name);
        if (instances.remove(new Key(group, name), instance)) {
            instance.close();
            log.info("Deleted consumer instance {} of group {}", name, group);
        }
    }

    /** Whether no instance lives here. */
    public boolean isEmpty() {
        return instances.isEmpty();
    }

    private void closeIdle() {
        instances.forEach((key, instance) -> {
            if (instance.idleFor(idleTimeout) && instances.remove(key, instance)) {
                log.info(
                        "Closing consumer instance {} of group {}: unused for {}",
                        key.name(),
                        key.group(),
                        idleTimeout);
                instance.close();
            }
        });
    }

    private static EmbeddedFormat format(ObjectNode body) {
        String format = text(body, "format");
        if (format == null) {
            return EmbeddedFormat.BINARY;
        }
        return EmbeddedFormat.fromWireName(format.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> RestException.of(42204, "Invalid format type"));
    }

    private Map<String, Object> consumerConfig(String group, String name, ObjectNode body) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, name);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        String reset = text(body, "auto.offset.reset");
        if (reset != null) {
            String lower = reset.toLowerCase(Locale.ROOT);
            if (!lower.equals("earliest") && !lower.equals("latest")) {
                throw RestException.of(
                        42204,
                        "Invalid value " + reset + " for configuration auto.offset.reset: String must be one of:"
                                + " earliest, latest");
            }
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, lower);
        }
        JsonNode autoCommit = body.get("auto.commit.enable");
        if (autoCommit != null && !autoCommit.isNull()) {
            String value = autoCommit.asText().toLowerCase(Locale.ROOT);
            if (!value.equals("true") && !value.equals("false")) {
                throw RestException.of(42204, "Invalid value " + autoCommit + " for configuration auto.commit.enable");
            }
            config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, value);
        }
        if (body.has("fetch.min.bytes") && !body.get("fetch.min.bytes").isNull()) {
            int minBytes;
            try {
                minBytes = Bodies.integer(body, "fetch.min.bytes");
            } catch (RestException e) {
                throw RestException.of(42204, "Expected fetch.min.bytes to be >= -1");
            }
            if (minBytes < -1) {
                throw RestException.of(42204, "Expected fetch.min.bytes to be >= -1");
            }
            config.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Math.max(1, minBytes));
        }
        String refresh = text(body, "topic.metadata.refresh.interval.ms");
        if (refresh != null) {
            config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, refresh);
        }
        return config;
    }

    private static String text(ObjectNode body, String key) {
        JsonNode node = body.get(key);
        if (node == null || node.isNull()) {
            return null;
        }
        String text = node.asText();
        return Objects.equals(text, "") ? null : text;
    }

    @Override
    public void close() {
        janitor.shutdownNow();
        instances.values().forEach(ConsumerInstance::close);
        instances.clear();
    }
}
