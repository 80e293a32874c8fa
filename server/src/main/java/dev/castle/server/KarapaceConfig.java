package dev.castle.server;

import static java.util.Map.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.domain.json.Jackson;
import dev.castle.rest.RestConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Karapace user's configuration read as Castle's: a {@code karapace.config.json} file and {@code KARAPACE_*}
 * environment variables (which win over the file, as in Karapace), translated onto Castle's keys for everything Castle
 * does. Every key Castle does not act on is named in one warning at start-up, never dropped silently.
 *
 * <p>Karapace serves the registry and the REST Proxy on one listener ({@code host}, {@code port}); Castle serves them on
 * two, so {@code host}/{@code port} become the registry's listener and the REST Proxy listens on the same host, port
 * 8082. A REST-only configuration ({@code karapace_registry} false, {@code karapace_rest} true) gives them to the
 * REST Proxy instead.
 */
final class KarapaceConfig {
    private static final Logger log = LoggerFactory.getLogger(KarapaceConfig.class);
    private static final ObjectMapper JSON = Jackson.MAPPER;
    private static final String ENV_PREFIX = "KARAPACE_";
    private static final String KAFKA = CastleConfig.KAFKASTORE_PREFIX;
    private static final String REST = CastleConfig.REST_PREFIX;
    private static final int REST_PORT = 8082;

    /** Karapace keys that are one Castle key under another name, with the same value. */
    private static final Map<String, String> RENAMED = Map.ofEntries(
            entry("bootstrap_uri", CastleConfig.BOOTSTRAP_SERVERS),
            entry("topic_name", CastleConfig.TOPIC),
            entry("group_id", CastleConfig.GROUP_ID),
            entry("master_eligibility", CastleConfig.LEADER_ELIGIBILITY),
            entry("replication_factor", CastleConfig.TOPIC_REPLICATION_FACTOR),
            entry("compatibility", CastleConfig.COMPATIBILITY_LEVEL),
            entry("registry_authfile", CastleConfig.AUTHFILE),
            entry("karapace_rest", CastleConfig.REST_ENABLED),
            entry("karapace_registry", CastleConfig.REGISTRY_ENABLED),
            entry("rest_authorization", REST + RestConfig.AUTHORIZATION_PASS_THROUGH),
            entry("sasl_bootstrap_uri", REST + RestConfig.SASL_BOOTSTRAP_SERVERS),
            entry("security_protocol", KAFKA + "security.protocol"),
            entry("sasl_mechanism", KAFKA + "sasl.mechanism"),
            entry("ssl_password", KAFKA + "ssl.key.password"),
            entry("metadata_max_age_ms", KAFKA + "metadata.max.age.ms"),
            entry("connections_max_idle_ms", KAFKA + "connections.max.idle.ms"),
            entry("consumer_request_timeout_ms", REST + RestConfig.CONSUMER_REQUEST_TIMEOUT_MS),
            entry("consumer_request_max_bytes", REST + RestConfig.CONSUMER_REQUEST_MAX_BYTES),
            entry("consumer_enable_auto_commit", REST + "consumer.enable.auto.commit"),
            entry("fetch_min_bytes", REST + "consumer.fetch.min.bytes"),
            entry("name_strategy", REST + RestConfig.NAME_STRATEGY),
            entry("name_strategy_validation", REST + RestConfig.NAME_STRATEGY_VALIDATION),
            entry("producer_acks", REST + "producer.acks"),
            entry("producer_compression_type", REST + "producer.compression.type"),
            entry("producer_linger_ms", REST + "producer.linger.ms"),
            entry("producer_max_request_size", REST + "producer.max.request.size"),
            entry("http_request_max_size", REST + RestConfig.HTTP_REQUEST_MAX_SIZE));

    /** Karapace keys in seconds that are Castle keys in milliseconds (0 stays 0). */
    private static final Map<String, String> SECONDS = Map.of(
            "consumer_idle_disconnect_timeout", REST + RestConfig.CONSUMER_INSTANCE_TIMEOUT_MS,
            "admin_metadata_max_age", REST + RestConfig.METADATA_MAX_AGE_MS);

    /** Keys whose value, when it is this one, asks for what Castle does anyway. */
    private static final Map<String, String> CASTLE_DOES = Map.of(
            "master_election_strategy", "lowest",
            "kafka_schema_reader_strict_mode", "false");

    /** Karapace's booleans, which it also accepts as 1/0, yes/no, on/off. */
    private static final Set<String> BOOLEANS = Set.of(
            "karapace_rest",
            "karapace_registry",
            "master_eligibility",
            "consumer_enable_auto_commit",
            "name_strategy_validation",
            "rest_authorization",
            "ssl_check_hostname",
            "kafka_schema_reader_strict_mode");

    /** Keys the translation reads together with others. */
    private static final Set<String> COMBINED = Set.of(
            "host",
            "port",
            "advertised_hostname",
            "advertised_port",
            "advertised_protocol",
            "session_timeout_ms",
            "sasl_plain_username",
            "sasl_plain_password",
            "ssl_cafile",
            "ssl_certfile",
            "ssl_keyfile",
            "ssl_check_hostname",
            "server_tls_certfile",
            "server_tls_keyfile",
            "server_tls_cafile",
            "server_tls_client_auth",
            "registry_scheme",
            "registry_host",
            "registry_port",
            "registry_user",
            "registry_password");

    private KarapaceConfig() {}

    /**
     * Castle's keys and values, and the Karapace keys Castle does not act on, each with why when it is not plain.
     *
     * @param unused Karapace key → a reason, or empty
     */
    record Translation(Map<String, String> values, SortedMap<String, String> unused) {
        /** The one start-up warning naming every unused key; empty when there is none. */
        Optional<String> warning() {
            if (unused.isEmpty()) {
                return Optional.empty();
            }
            StringBuilder text = new StringBuilder("Castle does not use these Karapace settings: ");
            unused.forEach((key, reason) -> text.append(key)
                    .append(reason.isEmpty() ? "" : " (" + reason + ")")
                    .append(", "));
            return Optional.of(text.substring(0, text.length() - 2));
        }
    }

    /**
     * Castle's keys from a Karapace file (if given) and {@code KARAPACE_*} variables; warns once about unused keys.
     */
    static Map<String, String> load(Optional<Path> file, Map<String, String> environment) {
        Map<String, String> karapace = new HashMap<>();
        file.ifPresent(path -> karapace.putAll(read(path)));
        karapace.putAll(fromEnvironment(environment));
        if (karapace.isEmpty()) {
            return Map.of();
        }
        Translation translation = translate(karapace);
        translation.warning().ifPresent(log::warn);
        return translation.values();
    }

    /** Whether a configuration file is Karapace's JSON rather than a properties file: it starts with {@code {}. */
    static boolean isJson(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).replace("\uFEFF", "");
            return text.stripLeading().startsWith("{");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configuration file " + file, e);
        }
    }

    /** The keys of a {@code karapace.config.json}; a {@code null} value counts as unset. */
    static Map<String, String> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("The configuration file " + file + " is not valid JSON", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The configuration file " + file + " is not a JSON object");
        }
        Map<String, String> values = new HashMap<>();
        root.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (!value.isNull()) {
                values.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        });
        return values;
    }

    /**
     * {@code KARAPACE_BOOTSTRAP_URI} → {@code bootstrap_uri}; the two keys that begin with {@code karapace} are
     * {@code KARAPACE_KARAPACE_REST} (Karapace 4 and later) or {@code KARAPACE_REST} (earlier), and the like.
     */
    static Map<String, String> fromEnvironment(Map<String, String> environment) {
        Map<String, String> values = new HashMap<>();
        environment.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length() && !value.isEmpty()) {
                String key = name.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT);
                values.put(key.equals("rest") || key.equals("registry") ? "karapace_" + key : key, value);
            }
        });
        return values;
    }

    /** Translates Karapace's keys (values as text) onto Castle's. */
    static Translation translate(Map<String, String> settings) {
        Map<String, String> karapace = new HashMap<>(settings);
        karapace.replaceAll((key, value) -> BOOLEANS.contains(key) ? bool(value) : value);
        Map<String, String> values = new HashMap<>();
        SortedMap<String, String> unused = new TreeMap<>();
        karapace.forEach((key, value) -> {
            if (RENAMED.containsKey(key)) {
                values.put(RENAMED.get(key), value);
            } else if (SECONDS.containsKey(key)) {
                values.put(SECONDS.get(key), Long.toString(seconds(key, value) * 1000));
            } else if (!COMBINED.contains(key) && !value.equalsIgnoreCase(CASTLE_DOES.get(key))) {
                unused.put(key, "");
            }
        });
        listeners(karapace, values, unused);
        registryClient(karapace, values);
        KarapaceSecurity.translate(karapace, values, unused);
        Optional.ofNullable(karapace.get("session_timeout_ms")).ifPresent(timeout -> {
            // Karapace's election and the REST Proxy's consumers share this one setting
            values.put(ClusterSettings.SESSION_TIMEOUT_MS, timeout);
            values.put(REST + "consumer.session.timeout.ms", timeout);
        });
        return new Translation(Map.copyOf(values), unused);
    }

    private static String bool(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "1", "yes", "on", "true":
                return "true";
            case "0", "no", "off", "false":
                return "false";
            default:
                throw new IllegalArgumentException("Not a Karapace boolean: " + value);
        }
    }

    private static long seconds(String key, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "Karapace's " + key + " is a whole number of seconds, not '" + value + "'", e);
        }
    }

    /**
     * The registry the REST Proxy uses, when Karapace's file names one ({@code registry_host}, …): Castle's proxy uses
     * its own process's registry unless {@code schema.registry.url} names another.
     */
    private static void registryClient(Map<String, String> karapace, Map<String, String> values) {
        String host = karapace.get("registry_host");
        if (host != null) {
            String scheme = karapace.getOrDefault("registry_scheme", "http");
            String port = karapace.getOrDefault("registry_port", "8081");
            values.put(REST + RestConfig.SCHEMA_REGISTRY_URL, scheme + "://" + host + ":" + port);
        }
        String user = karapace.get("registry_user");
        if (user != null) {
            values.put(REST + "schema.registry.basic.auth.credentials.source", "USER_INFO");
            values.put(
                    REST + "schema.registry.basic.auth.user.info",
                    user + ":" + karapace.getOrDefault("registry_password", ""));
        }
    }

    /** {@code host}/{@code port} and the advertised identity: see the class comment. */
    private static void listeners(
            Map<String, String> karapace, Map<String, String> values, Map<String, String> unused) {
        boolean restOnly = "false".equalsIgnoreCase(karapace.get("karapace_registry"))
                && "true".equalsIgnoreCase(karapace.get("karapace_rest"));
        Optional.ofNullable(karapace.get("advertised_hostname")).ifPresent(host -> {
            values.put(REST + RestConfig.HOST_NAME, host);
            if (!restOnly) {
                values.put(CastleConfig.HOST_NAME, host);
            }
        });
        for (String key : new String[] {"advertised_port", "advertised_protocol"}) {
            if (karapace.containsKey(key) && restOnly) {
                unused.put(key, "the REST Proxy's consumers are named by advertised_hostname and the listener's port");
            }
        }
        if (!restOnly) {
            Optional.ofNullable(karapace.get("advertised_port"))
                    .ifPresent(port -> values.put(ClusterSettings.HOST_PORT, port));
            Optional.ofNullable(karapace.get("advertised_protocol"))
                    .ifPresent(scheme -> values.put(ClusterSettings.INTER_INSTANCE_PROTOCOL, scheme));
        }
        // Karapace serves TLS on its one listener when it has a certificate; Castle then serves both of its own with it
        String scheme = karapace.containsKey("server_tls_certfile") ? "https" : "http";
        boolean hostOrPort = karapace.containsKey("host") || karapace.containsKey("port");
        if (!hostOrPort && scheme.equals("http")) {
            return;
        }
        String bind = karapace.getOrDefault("host", hostOrPort ? "127.0.0.1" : "0.0.0.0");
        String host = bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
        if (restOnly) {
            values.put(
                    REST + RestConfig.LISTENERS,
                    scheme + "://" + host + ":" + karapace.getOrDefault("port", "" + REST_PORT));
        } else {
            values.put(CastleConfig.LISTENERS, scheme + "://" + host + ":" + karapace.getOrDefault("port", "8081"));
            values.put(REST + RestConfig.LISTENERS, scheme + "://" + host + ":" + REST_PORT);
        }
    }
}
