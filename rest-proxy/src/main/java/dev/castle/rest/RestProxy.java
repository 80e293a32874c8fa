package dev.castle.rest;

import dev.castle.rest.consume.ConsumerRoutes;
import dev.castle.rest.http.ProxyConventions;
import dev.castle.rest.session.Sessions;
import dev.castle.serdes.SchemaRegistryPort;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Kafka REST Proxy v2 on its own listener (DESIGN §11): one Admin client for metadata, one shared producer, the
 * consumer instances, and a registry reached through {@link SchemaRegistryPort}. Start it with
 * {@link #start(RestConfig, SchemaRegistryPort)}; close it to stop everything it started.
 */
public final class RestProxy implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RestProxy.class);

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
        Sessions sessions = Sessions.open(config, registry);
        started.add(sessions);
        URI listener = config.listener();
        ProxyRoutes routes = new ProxyRoutes(sessions::of);
        ConsumerRoutes consumerRoutes = new ConsumerRoutes(
                sessions::of, ctx -> baseUrl(config, listener, ctx), config.consumerRequestMaxBytes());
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
