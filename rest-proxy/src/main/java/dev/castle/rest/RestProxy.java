package dev.castle.rest;

import dev.castle.rest.consume.ConsumerRoutes;
import dev.castle.rest.http.ProxyConventions;
import dev.castle.rest.session.Sessions;
import dev.castle.serdes.SchemaRegistryPort;
import dev.castle.serdes.client.HttpSchemaRegistry;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka REST Proxy v2 on its own listener (DESIGN §11): one Admin client for metadata, one shared producer, the
 * consumer instances, and a registry reached through {@link SchemaRegistryPort}. Start it with
 * {@link #start(RestConfig, SchemaRegistryPort)}; close it to stop everything it started.
 */
public final class RestProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RestProxy.class);

    /** Confluent kafka-rest names its registry client's settings {@code schema.registry.basic.auth.user.info}, … */
    private static final String REGISTRY_CLIENT_PREFIX = "schema.registry.";

    private final List<AutoCloseable> resources;
    private final int port;

    private RestProxy(List<AutoCloseable> resources, int port) {
        this.resources = resources;
        this.port = port;
    }

    /**
     * Starts the proxy; on failure whatever was started is stopped again. Schemas are found in the registry at
     * {@code schema.registry.url} when it is set, else in {@code local} (this process's registry; null when there is
     * none).
     */
    public static RestProxy start(RestConfig config, SchemaRegistryPort local) {
        URI listener = config.listener();
        return start(config, local, javalin -> {
            javalin.jetty.host = listener.getHost();
            javalin.jetty.port = listener.getPort();
        });
    }

    /**
     * As {@link #start(RestConfig, SchemaRegistryPort)}, with {@code setup} making the application's listeners (plain or
     * TLS Jetty connectors, instead of the single plain {@code listeners}) and installing any instrumentation (request
     * metrics, operators' routes) before the proxy's own conventions and routes.
     */
    public static RestProxy start(RestConfig config, SchemaRegistryPort local, Consumer<JavalinConfig> setup) {
        List<AutoCloseable> started = new ArrayList<>();
        try {
            return start(config, registry(config, local), setup, started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    private static RestProxy start(
            RestConfig config,
            SchemaRegistryPort registry,
            Consumer<JavalinConfig> setup,
            List<AutoCloseable> started) {
        Sessions sessions = Sessions.open(config, registry);
        started.add(sessions);
        ProxyRoutes routes = new ProxyRoutes(sessions::of);
        ConsumerRoutes consumerRoutes =
                new ConsumerRoutes(sessions::of, ctx -> baseUrl(config, ctx), config.consumerRequestMaxBytes());
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            setup.accept(javalin);
            ProxyConventions.install(javalin, config.httpRequestMaxSize());
            routes.addTo(javalin.routes);
            consumerRoutes.addTo(javalin.routes);
        });
        app.start();
        started.add(app::stop);
        log.info("REST Proxy listening on port {}", app.port());
        return new RestProxy(List.copyOf(started), app.port());
    }

    private static SchemaRegistryPort registry(RestConfig config, SchemaRegistryPort local) {
        if (config.get(RestConfig.SCHEMA_REGISTRY_URL).isEmpty()) {
            return local != null ? local : new NoSchemaRegistry();
        }
        Map<String, String> client = new HashMap<>(config.asMap());
        config.asMap().forEach((key, value) -> {
            if (key.startsWith(REGISTRY_CLIENT_PREFIX)) {
                client.putIfAbsent(key.substring(REGISTRY_CLIENT_PREFIX.length()), value);
            }
        });
        log.info(
                "The REST Proxy uses the schema registry at {}",
                config.get(RestConfig.SCHEMA_REGISTRY_URL).get());
        return HttpSchemaRegistry.fromConfig(client);
    }

    /** The scheme the client used, with {@code host.name} when set, else with the Host the client used. */
    private static String baseUrl(RestConfig config, Context ctx) {
        return config.hostName()
                .map(host -> ctx.scheme() + "://" + host + ":" + ctx.port())
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
