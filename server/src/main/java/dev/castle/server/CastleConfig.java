package dev.castle.server;

import dev.castle.server.http.Listeners;
import dev.castle.server.tls.TlsSettings;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A node's configuration under Confluent Schema Registry's key names (DESIGN §1): read from a properties file and
 * overridden by {@code SCHEMA_REGISTRY_*} environment variables, as Confluent's container image does. Each key is
 * defined next to its documentation; anything not listed here is kept and may be read with {@link #get(String)}.
 */
public final class CastleConfig {

    /**
     * Comma-separated {@code http://host:port} and {@code https://host:port} listeners, all bound; https ones serve with
     * the {@code ssl.*} keys ({@link TlsSettings}). Port 0 binds a port chosen by the OS.
     */
    public static final String LISTENERS = "listeners";

    public static final String LISTENERS_DEFAULT = "http://0.0.0.0:8081";

    /** The host name other nodes and clients reach this node by (used in the leader-election identity). */
    public static final String HOST_NAME = "host.name";

    /** The Kafka cluster holding {@code _schemas}; when unset an embedded single-node broker is started. */
    public static final String BOOTSTRAP_SERVERS = "kafkastore.bootstrap.servers";

    /** The topic the registry's log lives in. */
    public static final String TOPIC = "kafkastore.topic";

    public static final String TOPIC_DEFAULT = "_schemas";

    /** Desired replication factor of a topic Castle creates, capped by the number of live brokers. */
    public static final String TOPIC_REPLICATION_FACTOR = "kafkastore.topic.replication.factor";

    /**
     * How long a write may wait for Kafka and for the local store to apply it. Confluent's default is 500 ms; Castle's
     * is longer because it answers only once its own store has applied the write.
     */
    public static final String TIMEOUT_MS = "kafkastore.timeout.ms";

    /** The registry cluster: the leader-election group and the suffix of the fixed {@code transactional.id}. */
    public static final String GROUP_ID = "schema.registry.group.id";

    public static final String GROUP_ID_DEFAULT = "schema-registry";

    /** The compatibility level in effect when no CONFIG record says otherwise. */
    public static final String COMPATIBILITY_LEVEL = "schema.compatibility.level";

    /** Whether {@code PUT /mode} may change modes at all. */
    public static final String MODE_MUTABILITY = "mode.mutability";

    /** Whether this node may become the leader. */
    public static final String LEADER_ELIGIBILITY = "leader.eligibility";

    /** Confluent's deprecated name of {@link #LEADER_ELIGIBILITY}. */
    public static final String MASTER_ELIGIBILITY = "master.eligibility";

    /**
     * Whether the defaults of new Avro schemas must match their types ({@code "type":"string","default":null} is then
     * 42201). Castle checks them unless this is {@code false}, as Confluent 8.2+ always does; Confluent 7.x checks them
     * only when this is {@code true}, so a 7.x user who relies on lenient defaults turns it off. A normalized schema
     * ({@code normalize=true}, or a config with {@code normalize}) is checked either way, as in Confluent 7.x.
     */
    public static final String AVRO_VALIDATE_DEFAULTS = "schema.providers.avro.validate.defaults";

    public static final String VALIDATE_FIELDS = "schema.validate.fields";

    /** Default {@code limit} of {@code GET /schemas}. */
    public static final String SEARCH_DEFAULT_LIMIT = "schema.search.default.limit";

    /** Directory of the embedded broker's data, used only when {@link #BOOTSTRAP_SERVERS} is unset. */
    public static final String DATA_DIR = "castle.data.dir";

    public static final String DATA_DIR_DEFAULT = "./castle-data";

    /** Port of the embedded broker's client listener on 127.0.0.1; 0 (the default) picks a free port at each start. */
    public static final String EMBEDDED_KAFKA_PORT = "castle.embedded.kafka.port";

    /**
     * Whether this process serves the Schema Registry (Karapace: {@code karapace_registry}); off, it serves only the
     * REST Proxy, which then uses the registry at its {@code schema.registry.url}.
     */
    public static final String REGISTRY_ENABLED = "castle.registry.enabled";

    /**
     * How long a stop (SIGTERM) may take: past it the process logs where the stop is stuck and halts, so that a
     * component that hangs while closing cannot keep a dead node's ports open.
     */
    public static final String SHUTDOWN_TIMEOUT_MS = "castle.shutdown.timeout.ms";

    /**
     * Path of Karapace's authfile ({@code registry_authfile}): users with password hashes and {@code Read}/{@code
     * Write} rules on {@code Config:} and {@code Subject:<regex>} (spec §9, ADR 6). When set, every request to the
     * registry listener except {@code GET /} and {@code GET /schemas/types} needs HTTP Basic credentials; the file is
     * reloaded when it changes. Unset (the default), the registry is open.
     */
    public static final String AUTHFILE = "registry.authfile";

    /**
     * Whether the node keeps metrics: {@code GET /metrics} (Prometheus' text format) on the registry's listener, and the
     * timing of every HTTP request (default true).
     */
    public static final String METRICS_ENABLED = "castle.metrics.enabled";

    /**
     * Whether {@code GET /metrics} needs the credentials of a user of {@link #AUTHFILE} (default false: it is open, as
     * the health probes are, since scrapers seldom hold credentials and no label names a subject). Without an authfile
     * nothing needs credentials.
     */
    public static final String METRICS_AUTHENTICATE = "castle.metrics.authenticate";

    /**
     * How many records a node's fold may trail the end of {@code _schemas} by and still be ready (default 1000): past
     * it, {@code GET /health/ready} answers 503 until the node has caught up.
     */
    public static final String HEALTH_MAX_FOLD_LAG = "castle.health.max.fold.lag";

    /** Whether this process also serves the Kafka REST Proxy (Karapace: {@code karapace_rest}). */
    public static final String REST_ENABLED = "castle.rest.enabled";

    /**
     * Every key with this prefix configures the REST Proxy under Confluent kafka-rest's key name
     * ({@code rest.listeners}, {@code rest.consumer.request.timeout.ms}, …); {@code KAFKA_REST_*} variables and a
     * {@code kafka-rest.properties} file given as the second argument land here too.
     */
    public static final String REST_PREFIX = "rest.";

    private static final String REST_ENV_PREFIX = "KAFKA_REST_";

    /** Every key with this prefix (security protocol, SASL, TLS, …) is handed to the Kafka clients without it. */
    public static final String KAFKASTORE_PREFIX = "kafkastore.";

    /** Keys with the kafkastore prefix that configure Castle itself rather than the Kafka clients. */
    private static final java.util.Set<String> OWN_KAFKASTORE_KEYS =
            java.util.Set.of(BOOTSTRAP_SERVERS, TOPIC, TOPIC_REPLICATION_FACTOR, TIMEOUT_MS);

    /** Topic-level settings for a {@code _schemas} topic Castle creates ({@code kafkastore.topic.config.*}). */
    public static final String TOPIC_CONFIG_PREFIX = "kafkastore.topic.config.";

    private static final String ENV_PREFIX = "SCHEMA_REGISTRY_";

    private final Map<String, String> values;

    public CastleConfig(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /**
     * The file's properties (if a file is given), overridden by {@code SCHEMA_REGISTRY_*} environment variables. A
     * Karapace configuration (a JSON file, {@code KARAPACE_*} variables) is read too, under all of them: see {@link
     * KarapaceConfig}.
     */
    public static CastleConfig load(Optional<Path> file, Map<String, String> environment) {
        return load(file, Optional.empty(), environment);
    }

    /**
     * The registry's file and variables as {@link #load(Optional, Map)}, plus the REST Proxy's: a
     * {@code kafka-rest.properties} file overridden by {@code KAFKA_REST_*} variables, each key under {@link
     * #REST_PREFIX}.
     */
    public static CastleConfig load(Optional<Path> file, Optional<Path> restFile, Map<String, String> environment) {
        Optional<Path> karapaceFile = file.filter(KarapaceConfig::isJson);
        Map<String, String> values = new HashMap<>(KarapaceConfig.load(karapaceFile, environment));
        file.filter(path -> karapaceFile.isEmpty()).ifPresent(path -> values.putAll(readProperties(path)));
        values.putAll(fromEnvironment(environment, ENV_PREFIX, ""));
        restFile.ifPresent(path -> readProperties(path).forEach((key, value) -> values.put(REST_PREFIX + key, value)));
        values.putAll(fromEnvironment(environment, REST_ENV_PREFIX, REST_PREFIX));
        return new CastleConfig(values);
    }

    /** {@code SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS} → {@code kafkastore.bootstrap.servers}. */
    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        return fromEnvironment(environment, ENV_PREFIX, "");
    }

    /** {@code KAFKA_REST_CONSUMER_REQUEST_TIMEOUT_MS} → {@code rest.consumer.request.timeout.ms}, and the like. */
    private static Map<String, String> fromEnvironment(
            Map<String, String> environment, String variablePrefix, String keyPrefix) {
        Map<String, String> values = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(variablePrefix) && name.length() > variablePrefix.length()) {
                String key = name.substring(variablePrefix.length())
                        .toLowerCase(Locale.ROOT)
                        .replace('_', '.');
                values.put(keyPrefix + key, value);
            }
        });
        return values;
    }

    private static Map<String, String> readProperties(Path path) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configuration file " + path, e);
        }
        Map<String, String> values = new HashMap<>();
        properties
                .stringPropertyNames()
                .forEach(key -> values.put(key, properties.getProperty(key).trim()));
        return values;
    }

    /** The raw value of any key. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).filter(value -> !value.isBlank());
    }

    /** Every listener, in the configured order. */
    public List<URI> listeners() {
        return Listeners.parse(LISTENERS, get(LISTENERS).orElse(LISTENERS_DEFAULT));
    }

    /** The first listener, as a URI. */
    public URI listener() {
        return listeners().get(0);
    }

    /** The registry's TLS settings: its https listeners' and those of a follower calling its leader. */
    public TlsSettings tls() {
        return TlsSettings.from(values, "");
    }

    public Optional<String> hostName() {
        return get(HOST_NAME);
    }

    public Optional<String> bootstrapServers() {
        return get(BOOTSTRAP_SERVERS);
    }

    public String topic() {
        return get(TOPIC).orElse(TOPIC_DEFAULT);
    }

    public short topicReplicationFactor() {
        return Short.parseShort(get(TOPIC_REPLICATION_FACTOR).orElse("3"));
    }

    public Duration timeout() {
        return Duration.ofMillis(Long.parseLong(get(TIMEOUT_MS).orElse("10000")));
    }

    public String groupId() {
        return get(GROUP_ID).orElse(GROUP_ID_DEFAULT);
    }

    public String compatibilityLevel() {
        return get(COMPATIBILITY_LEVEL).orElse("backward");
    }

    public boolean modeMutability() {
        return Boolean.parseBoolean(get(MODE_MUTABILITY).orElse("true"));
    }

    /** {@link #LEADER_ELIGIBILITY}, or its deprecated name; true when neither is set. */
    public boolean leaderEligibility() {
        return Boolean.parseBoolean(
                get(LEADER_ELIGIBILITY).or(() -> get(MASTER_ELIGIBILITY)).orElse("true"));
    }

    public boolean avroValidateDefaults() {
        return Boolean.parseBoolean(get(AVRO_VALIDATE_DEFAULTS).orElse("true"));
    }

    /** Confluent's {@code schema.validate.fields}: reserved-field validation where no config in scope sets it. */
    public boolean validateFields() {
        return Boolean.parseBoolean(get(VALIDATE_FIELDS).orElse("false"));
    }

    public int searchDefaultLimit() {
        return Integer.parseInt(get(SEARCH_DEFAULT_LIMIT).orElse("1000"));
    }

    public boolean registryEnabled() {
        return Boolean.parseBoolean(get(REGISTRY_ENABLED).orElse("true"));
    }

    public Duration shutdownTimeout() {
        return Duration.ofMillis(Long.parseLong(get(SHUTDOWN_TIMEOUT_MS).orElse("20000")));
    }

    public Optional<Path> authFile() {
        return get(AUTHFILE).map(Path::of);
    }

    public boolean metricsEnabled() {
        return Boolean.parseBoolean(get(METRICS_ENABLED).orElse("true"));
    }

    public boolean metricsAuthenticate() {
        return Boolean.parseBoolean(get(METRICS_AUTHENTICATE).orElse("false"));
    }

    public long healthMaxFoldLag() {
        long lag = Long.parseLong(get(HEALTH_MAX_FOLD_LAG).orElse("1000"));
        if (lag < 0) {
            throw new IllegalArgumentException(HEALTH_MAX_FOLD_LAG + " must not be negative: " + lag);
        }
        return lag;
    }

    public boolean restEnabled() {
        return Boolean.parseBoolean(get(REST_ENABLED).orElse("true"));
    }

    public Path dataDir() {
        return Path.of(get(DATA_DIR).orElse(DATA_DIR_DEFAULT));
    }

    public int embeddedKafkaPort() {
        return get(EMBEDDED_KAFKA_PORT).map(Integer::parseInt).orElse(0);
    }

    /** Every key with this prefix, without it. */
    public Map<String, String> withPrefix(String prefix) {
        Map<String, String> found = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                found.put(key.substring(prefix.length()), value);
            }
        });
        return found;
    }

    /** The Kafka client settings: every {@code kafkastore.*} key that is not Castle's own, without the prefix. */
    public Map<String, Object> kafkaClientConfig() {
        Map<String, Object> config = new HashMap<>();
        values.forEach((key, value) -> {
            if (key.startsWith(KAFKASTORE_PREFIX)
                    && !OWN_KAFKASTORE_KEYS.contains(key)
                    && !key.startsWith(TOPIC_CONFIG_PREFIX)) {
                config.put(key.substring(KAFKASTORE_PREFIX.length()), value);
            }
        });
        return config;
    }
}
