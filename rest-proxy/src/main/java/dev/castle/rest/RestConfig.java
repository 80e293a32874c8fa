package dev.castle.rest;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The REST Proxy's configuration under Confluent kafka-rest's key names (the keys of a {@code kafka-rest.properties}
 * file, or {@code KAFKA_REST_*} variables), each defined next to its documentation. Karapace's equivalent is named
 * beside each key.
 */
public final class RestConfig {

    /** Where the proxy listens (Karapace: {@code host}/{@code port}). */
    public static final String LISTENERS = "listeners";

    public static final String LISTENERS_DEFAULT = "http://0.0.0.0:8082";

    /** The Kafka cluster (Karapace: {@code bootstrap_uri}); Castle fills in the registry's cluster when unset. */
    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";

    /** Another registry to use instead of this process's own (Karapace: {@code registry_host}/{@code registry_port}). */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";

    /** The host name {@code base_uri} names (Karapace: {@code advertised_hostname}); unset: the request's Host. */
    public static final String HOST_NAME = "host.name";

    /** Default fetch timeout of a consumer instance, ms (Karapace: {@code consumer_request_timeout_ms}, 11000). */
    public static final String CONSUMER_REQUEST_TIMEOUT_MS = "consumer.request.timeout.ms";

    /** Default and largest {@code max_bytes} of a fetch (Karapace: {@code consumer_request_max_bytes}). */
    public static final String CONSUMER_REQUEST_MAX_BYTES = "consumer.request.max.bytes";

    /** An instance unused this long is closed, ms; 0 never (Karapace: {@code consumer_idle_disconnect_timeout}, s). */
    public static final String CONSUMER_INSTANCE_TIMEOUT_MS = "consumer.instance.timeout.ms";

    /** Largest request body, bytes (Karapace: {@code http_request_max_size}). */
    public static final String HTTP_REQUEST_MAX_SIZE = "http.request.max.size";

    /** How long cluster metadata (topics, partitions) is reused, ms (Karapace: {@code admin_metadata_max_age}, s). */
    public static final String METADATA_MAX_AGE_MS = "admin.metadata.max.age.ms";

    /** Subject naming of produce with inline schemas: topic_name, record_name, topic_record_name. */
    public static final String NAME_STRATEGY = "name.strategy";

    /** Whether a schema id given on produce must be registered under the subject the strategy names. */
    public static final String NAME_STRATEGY_VALIDATION = "name.strategy.validation";

    /**
     * Whether Kafka sees each caller's own credentials from its {@code Authorization} header (Basic as SASL PLAIN or
     * SCRAM, Bearer as OAUTHBEARER) instead of the proxy's (Karapace: {@code rest_authorization}).
     */
    public static final String AUTHORIZATION_PASS_THROUGH = "authorization.pass.through";

    /** Where callers' SASL connections go, when not to {@code bootstrap.servers} (Karapace: {@code sasl_bootstrap_uri}). */
    public static final String SASL_BOOTSTRAP_SERVERS = "sasl.bootstrap.servers";

    /** The server's id, part of generated consumer instance names as in Confluent's proxy. */
    public static final String ID = "id";

    /** Keys with these prefixes go to the Kafka clients without the prefix: all, producer only, consumer only. */
    public static final String CLIENT_PREFIX = "client.";

    public static final String PRODUCER_PREFIX = "producer.";
    public static final String CONSUMER_PREFIX = "consumer.";
    public static final String ADMIN_PREFIX = "admin.";

    private final Map<String, String> values;

    public RestConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** Every key as given. */
    public Map<String, String> asMap() {
        return values;
    }

    public RestConfig with(String key, String value) {
        Map<String, String> copy = new HashMap<>(values);
        copy.put(key, value);
        return new RestConfig(copy);
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(v -> !v.isEmpty());
    }

    public URI listener() {
        return URI.create(get(LISTENERS).orElse(LISTENERS_DEFAULT).split(",")[0].trim());
    }

    public Optional<String> bootstrapServers() {
        return get(BOOTSTRAP_SERVERS);
    }

    public Optional<String> hostName() {
        return get(HOST_NAME);
    }

    public Duration consumerRequestTimeout() {
        return Duration.ofMillis(longValue(CONSUMER_REQUEST_TIMEOUT_MS, 11_000));
    }

    public long consumerRequestMaxBytes() {
        return longValue(CONSUMER_REQUEST_MAX_BYTES, 64L * 1024 * 1024);
    }

    public Duration consumerInstanceTimeout() {
        return Duration.ofMillis(longValue(CONSUMER_INSTANCE_TIMEOUT_MS, 300_000));
    }

    public long httpRequestMaxSize() {
        long producerMax = longValue(PRODUCER_PREFIX + "max.request.size", 1024 * 1024);
        long byDefault = producerMax > 1024 * 1024 ? producerMax + 1024 * 1024 : 1024 * 1024;
        return longValue(HTTP_REQUEST_MAX_SIZE, byDefault);
    }

    public Duration metadataMaxAge() {
        return Duration.ofMillis(longValue(METADATA_MAX_AGE_MS, 5_000));
    }

    public String nameStrategy() {
        return get(NAME_STRATEGY).orElse("topic_name").toLowerCase(Locale.ROOT);
    }

    public boolean nameStrategyValidation() {
        return Boolean.parseBoolean(get(NAME_STRATEGY_VALIDATION).orElse("true"));
    }

    public boolean authorizationPassThrough() {
        return Boolean.parseBoolean(get(AUTHORIZATION_PASS_THROUGH).orElse("false"));
    }

    /** A setting every Kafka client gets ({@code client.<key>}), as the clients see it. */
    public Optional<String> clientConfigValue(String key) {
        return get(CLIENT_PREFIX + key);
    }

    public String id() {
        return get(ID).orElse("");
    }

    /** Kafka client settings for one kind of client: {@code client.*} overlaid with that kind's own prefix. */
    public Map<String, Object> clientConfig(String kindPrefix) {
        Map<String, Object> config = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(CLIENT_PREFIX)) {
                config.put(key.substring(CLIENT_PREFIX.length()), value);
            }
        });
        values.forEach((key, value) -> {
            if (key.startsWith(kindPrefix) && !isOwnKey(key)) {
                config.put(key.substring(kindPrefix.length()), value);
            }
        });
        config.put(
                "bootstrap.servers",
                bootstrapServers()
                        .orElseThrow(() -> new IllegalStateException("The REST Proxy has no " + BOOTSTRAP_SERVERS)));
        return config;
    }

    private static boolean isOwnKey(String key) {
        return key.equals(CONSUMER_REQUEST_TIMEOUT_MS)
                || key.equals(CONSUMER_REQUEST_MAX_BYTES)
                || key.equals(CONSUMER_INSTANCE_TIMEOUT_MS)
                || key.equals(METADATA_MAX_AGE_MS)
                || key.equals(AUTHORIZATION_PASS_THROUGH)
                || key.equals(SASL_BOOTSTRAP_SERVERS)
                || key.equals("consumer.threads")
                || key.equals("consumer.iterator.backoff.ms");
    }

    private long longValue(String key, long byDefault) {
        String value = get(key).orElse(null);
        if (value == null) {
            return byDefault;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid value " + value + " for configuration " + key, e);
        }
    }
}
