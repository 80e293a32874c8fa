package dev.castle.rest.session;

import dev.castle.rest.RestConfig;
import dev.castle.rest.http.RestException;
import dev.castle.serdes.JsonCodec;
import dev.castle.serdes.SchemaRegistryPort;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which {@link KafkaSession} a request works with. Without authorization pass-through, one session with the proxy's
 * own credentials serves everyone. With it (spec kafka-rest-api §9) every distinct {@code Authorization} header gets a
 * session of its own, so Kafka authenticates and authorizes the caller, and a consumer made with one credential is
 * invisible to another; a session unused for five minutes with no consumer instance is closed.
 */
public final class Sessions implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private static final Duration IDLE = Duration.ofMinutes(5);

    private final RestConfig config;
    private final SchemaRegistryPort registry;
    private final JsonCodec codec;
    private final KafkaSession shared;
    private final Map<String, KafkaSession> byCredential = new ConcurrentHashMap<>();
    private final ScheduledExecutorService janitor;

    private Sessions(RestConfig config, SchemaRegistryPort registry, JsonCodec codec, KafkaSession shared) {
        this.config = config;
        this.registry = registry;
        this.codec = codec;
        this.shared = shared;
        this.janitor = shared != null
                ? null
                : Executors.newSingleThreadScheduledExecutor(runnable -> {
                    Thread thread = new Thread(runnable, "rest-session-janitor");
                    thread.setDaemon(true);
                    return thread;
                });
        if (janitor != null) {
            janitor.scheduleWithFixedDelay(this::closeIdle, 30, 30, TimeUnit.SECONDS);
        }
    }

    public static Sessions open(RestConfig config, SchemaRegistryPort registry) {
        JsonCodec codec = new JsonCodec(registry);
        if (!config.authorizationPassThrough()) {
            return new Sessions(config, registry, codec, KafkaSession.open(config, Map.of(), registry, codec));
        }
        log.info("REST Proxy authorization pass-through is on: Kafka sees each caller's own credentials");
        return new Sessions(config, registry, codec, null);
    }

    /** The session of the request's caller; 401 when pass-through is on and the request carries no usable credentials. */
    public KafkaSession of(Context ctx) {
        if (shared != null) {
            return shared;
        }
        String header = ctx.header("Authorization");
        Map<String, Object> settings = Credentials.clientSettings(header, mechanism(), tls());
        config.get(RestConfig.SASL_BOOTSTRAP_SERVERS).ifPresent(servers -> settings.put("bootstrap.servers", servers));
        KafkaSession session = byCredential.computeIfAbsent(header, key -> open(settings));
        session.touch();
        return session;
    }

    private KafkaSession open(Map<String, Object> settings) {
        try {
            return KafkaSession.open(config, new HashMap<>(settings), registry, codec);
        } catch (KafkaException e) {
            log.info("Could not open Kafka clients for a caller: {}", e.getMessage());
            throw RestException.messageOnly(403, "Forbidden");
        }
    }

    private String mechanism() {
        return config.clientConfigValue("sasl.mechanism")
                .filter(m -> m.toUpperCase(Locale.ROOT).startsWith("SCRAM-"))
                .orElse("PLAIN");
    }

    private boolean tls() {
        String protocol = config.clientConfigValue("security.protocol")
                .orElse("PLAINTEXT")
                .toUpperCase(Locale.ROOT);
        return protocol.equals("SSL") || protocol.equals("SASL_SSL");
    }

    private void closeIdle() {
        byCredential.forEach((key, session) -> {
            if (session.idleFor(IDLE) && byCredential.remove(key, session)) {
                session.close();
            }
        });
    }

    @Override
    public void close() {
        if (janitor != null) {
            janitor.shutdownNow();
        }
        if (shared != null) {
            shared.close();
        }
        byCredential.values().forEach(KafkaSession::close);
        byCredential.clear();
    }
}
