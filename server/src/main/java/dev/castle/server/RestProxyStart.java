package dev.castle.server;

import dev.castle.rest.RestConfig;
import dev.castle.rest.RestProxy;
import dev.castle.serdes.SchemaRegistryPort;
import dev.castle.server.http.Listeners;
import dev.castle.server.tls.TlsSettings;
import io.javalin.config.JavalinConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The start-up step that serves the Kafka REST Proxy beside the registry, or alone: its listeners and settings. */
final class RestProxyStart {
    private RestProxyStart() {}

    /**
     * The REST Proxy's configuration: the {@code rest.*} keys; without a {@code bootstrap.servers} of its own the
     * proxy uses the registry's Kafka cluster and its client settings (security included).
     */
    static RestProxy start(
            CastleConfig config,
            Listeners listeners,
            Map<String, Object> kafkaClientConfig,
            SchemaRegistryPort registry,
            Consumer<JavalinConfig> instrumentation) {
        return RestProxy.start(restConfig(config, kafkaClientConfig), registry, javalin -> {
            listeners.install(javalin);
            instrumentation.accept(javalin);
        });
    }

    /**
     * The REST Proxy's {@code rest.listeners}; its https ones serve with its own {@code rest.ssl.*} keys (Confluent REST
     * Proxy's {@code ssl.*}) when it has a store of its own, else with the registry's {@code ssl.*}.
     */
    static Listeners listeners(CastleConfig config) {
        TlsSettings restTls = TlsSettings.from(config.withPrefix(CastleConfig.REST_PREFIX), CastleConfig.REST_PREFIX);
        return Listeners.of(
                CastleConfig.REST_PREFIX + RestConfig.LISTENERS,
                config.get(CastleConfig.REST_PREFIX + RestConfig.LISTENERS).orElse(RestConfig.LISTENERS_DEFAULT),
                restTls.configured() ? restTls : config.tls());
    }

    private static RestConfig restConfig(CastleConfig config, Map<String, Object> kafkaClientConfig) {
        Map<String, String> rest = new HashMap<>(config.withPrefix(CastleConfig.REST_PREFIX));
        if (!rest.containsKey(RestConfig.BOOTSTRAP_SERVERS)) {
            kafkaClientConfig.forEach((key, value) -> rest.putIfAbsent(
                    key.equals(RestConfig.BOOTSTRAP_SERVERS) ? key : RestConfig.CLIENT_PREFIX + key,
                    String.valueOf(value)));
        }
        return new RestConfig(rest);
    }
}
