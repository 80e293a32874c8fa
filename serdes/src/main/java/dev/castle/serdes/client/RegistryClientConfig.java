package dev.castle.serdes.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;

/**
 * How to reach a registry: its URLs (tried in order, the next one on a connection error), the {@code Authorization}
 * header to send, timeouts and cache bounds. Read from Confluent's client keys with {@link #from(Map)}.
 *
 * @param urls base URLs without user info or trailing slash
 * @param authorization the {@code Authorization} header value, if any
 * @param cacheCapacity the most entries each cache holds
 * @param latestTtl how long a subject's latest version and an id's subjects are kept; {@code null} for ever
 */
public record RegistryClientConfig(
        List<URI> urls,
        Optional<String> authorization,
        Duration connectTimeout,
        Duration requestTimeout,
        int cacheCapacity,
        Duration latestTtl) {

    /** Comma-separated base URLs; user info in a URL is used when the credentials source is {@code URL}. */
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    /** {@code URL} (the default: user info of the URL, if any) or {@code USER_INFO} ({@link #BASIC_AUTH_USER_INFO}). */
    public static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    /** {@code user:password} for HTTP basic authentication; also read as {@code schema.registry.basic.auth.user.info}. */
    public static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    /** {@code STATIC_TOKEN} to send {@link #BEARER_AUTH_TOKEN} as a bearer token; no other source is supported. */
    public static final String BEARER_AUTH_CREDENTIALS_SOURCE = "bearer.auth.credentials.source";
    /** The bearer token sent when the bearer credentials source is {@code STATIC_TOKEN}. */
    public static final String BEARER_AUTH_TOKEN = "bearer.auth.token";
    /** Milliseconds to wait for a connection; 60 000 by default. */
    public static final String HTTP_CONNECT_TIMEOUT_MS = "http.connect.timeout.ms";
    /** Milliseconds to wait for a response; 60 000 by default. */
    public static final String HTTP_READ_TIMEOUT_MS = "http.read.timeout.ms";
    /** The most entries each cache holds; 1 000 by default. */
    public static final String MAX_SCHEMAS_PER_SUBJECT = "max.schemas.per.subject";
    /** Seconds a latest version (and an id's subjects) is kept; 30 by default, negative for ever. */
    public static final String LATEST_CACHE_TTL_SEC = "latest.cache.ttl.sec";

    private static final String PREFIXED_USER_INFO = "schema.registry." + BASIC_AUTH_USER_INFO;

    public RegistryClientConfig {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new ConfigException("Missing required configuration \"" + SCHEMA_REGISTRY_URL + "\"");
        }
        if (cacheCapacity < 1) {
            throw new ConfigException(MAX_SCHEMAS_PER_SUBJECT, cacheCapacity, "must be at least 1");
        }
    }

    /** The defaults for {@code urls} (comma-separated), with no authentication. */
    public static RegistryClientConfig of(String urls) {
        return from(Map.of(SCHEMA_REGISTRY_URL, urls));
    }

    /**
     * Reads Confluent's client keys; other keys are ignored, so a producer's whole configuration may be given.
     *
     * @throws ConfigException when the URL is missing or malformed, or a credentials source is unknown
     */
    public static RegistryClientConfig from(Map<String, ?> configs) {
        List<URI> withUserInfo = urls(configs.get(SCHEMA_REGISTRY_URL));
        List<URI> urls =
                withUserInfo.stream().map(RegistryClientConfig::withoutUserInfo).toList();
        Optional<String> basic = basicCredentials(configs, withUserInfo);
        Optional<String> bearer = bearerToken(configs);
        if (basic.isPresent() && bearer.isPresent()) {
            throw new ConfigException("Give either basic or bearer credentials for the schema registry, not both");
        }
        Optional<String> authorization = basic.map(userInfo ->
                        "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8)))
                .or(() -> bearer.map(token -> "Bearer " + token));
        long ttl = number(configs, LATEST_CACHE_TTL_SEC, 30);
        return new RegistryClientConfig(
                urls,
                authorization,
                Duration.ofMillis(number(configs, HTTP_CONNECT_TIMEOUT_MS, 60_000)),
                Duration.ofMillis(number(configs, HTTP_READ_TIMEOUT_MS, 60_000)),
                (int) number(configs, MAX_SCHEMAS_PER_SUBJECT, 1000),
                ttl < 0 ? null : Duration.ofSeconds(ttl));
    }

    private static List<URI> urls(Object value) {
        List<String> texts = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> texts.add(String.valueOf(item)));
        } else if (value != null) {
            texts.addAll(List.of(value.toString().split(",")));
        }
        List<URI> urls = new ArrayList<>();
        for (String text : texts) {
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                URI uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
                if (uri.getScheme() == null || uri.getHost() == null) {
                    throw new URISyntaxException(trimmed, "expected scheme://host[:port]");
                }
                urls.add(uri);
            } catch (URISyntaxException e) {
                throw new ConfigException(SCHEMA_REGISTRY_URL, trimmed, "not a URL: " + e.getMessage());
            }
        }
        return urls;
    }

    private static URI withoutUserInfo(URI uri) {
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null);
        } catch (URISyntaxException e) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, uri.toString(), e.getMessage());
        }
    }

    private static Optional<String> basicCredentials(Map<String, ?> configs, List<URI> urls) {
        String source =
                text(configs, BASIC_AUTH_CREDENTIALS_SOURCE).orElse("URL").toUpperCase(Locale.ROOT);
        switch (source) {
            case "URL":
                return urls.stream()
                        .map(URI::getRawUserInfo)
                        .filter(info -> info != null)
                        .findFirst()
                        .map(info -> java.net.URLDecoder.decode(info, StandardCharsets.UTF_8));
            case "USER_INFO":
                Optional<String> userInfo =
                        text(configs, BASIC_AUTH_USER_INFO).or(() -> text(configs, PREFIXED_USER_INFO));
                if (userInfo.isEmpty() || !userInfo.get().contains(":")) {
                    throw new ConfigException(
                            BASIC_AUTH_USER_INFO, "[hidden]", "must be user:password when the source is USER_INFO");
                }
                return userInfo;
            default:
                throw new ConfigException(
                        BASIC_AUTH_CREDENTIALS_SOURCE, source, "supported sources are URL and USER_INFO");
        }
    }

    private static Optional<String> bearerToken(Map<String, ?> configs) {
        Optional<String> source = text(configs, BEARER_AUTH_CREDENTIALS_SOURCE);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        if (!source.get().equalsIgnoreCase("STATIC_TOKEN")) {
            throw new ConfigException(
                    BEARER_AUTH_CREDENTIALS_SOURCE, source.get(), "the supported source is STATIC_TOKEN");
        }
        return Optional.of(text(configs, BEARER_AUTH_TOKEN)
                .orElseThrow(() -> new ConfigException("Missing \"" + BEARER_AUTH_TOKEN + "\" for STATIC_TOKEN")));
    }

    private static Optional<String> text(Map<String, ?> configs, String key) {
        Object value = configs.get(key);
        if (value == null) {
            return Optional.empty();
        }
        // Kafka hands passwords over as Password, whose toString hides them
        String text = value instanceof org.apache.kafka.common.config.types.Password password
                ? password.value()
                : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    private static long number(Map<String, ?> configs, String key, long defaultValue) {
        Object value = configs.get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(value.toString().strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(key, value, "not a number");
        }
    }

    /** Keeps the credentials out of logs. */
    @Override
    public String toString() {
        return "RegistryClientConfig[urls=" + urls + ", authorization=" + authorization.map(a -> "[hidden]")
                + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", cacheCapacity="
                + cacheCapacity + ", latestTtl=" + latestTtl + "]";
    }
}
