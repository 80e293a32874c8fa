package dev.castle.server.http;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.router.JavalinDefaultRoutingApi;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import org.eclipse.jetty.http.UriCompliance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's HTTP listener: Javalin 7 on Jetty 12 with the conventions installed, the context-prefix rewriting in front
 * and the routes each side contributes. Percent-encoded {@code /} and {@code %} in subject segments are allowed.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(HttpServer.class);
    private static final UriCompliance SUBJECT_PATHS = UriCompliance.DEFAULT.with(
            "castle",
            UriCompliance.Violation.AMBIGUOUS_PATH_SEPARATOR,
            UriCompliance.Violation.AMBIGUOUS_PATH_ENCODING,
            UriCompliance.Violation.AMBIGUOUS_PATH_SEGMENT,
            UriCompliance.Violation.SUSPICIOUS_PATH_CHARACTERS);

    private static final long MAX_REQUEST_BYTES = 32L * 1024 * 1024;

    private final Javalin app;
    private final Listeners listeners;

    private HttpServer(Javalin app, Listeners listeners) {
        this.app = app;
        this.listeners = listeners;
    }

    /** Binds every listener (port 0 lets the OS choose) and serves the given route groups on all of them. */
    public static HttpServer start(Listeners listeners, List<Consumer<JavalinDefaultRoutingApi>> routeGroups) {
        return start(listeners, routeGroups, config -> {});
    }

    /**
     * Binds every listener and serves the route groups, with {@code instrumentation} (request metrics) installed before
     * the conventions.
     */
    public static HttpServer start(
            Listeners listeners,
            List<Consumer<JavalinDefaultRoutingApi>> routeGroups,
            Consumer<JavalinConfig> instrumentation) {
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // Confluent sets no body limit; a schema larger than the log accepts is refused with 42209, not 413.
            config.http.maxRequestSize = MAX_REQUEST_BYTES;
            listeners.install(config);
            config.jetty.modifyHttpConfiguration(http -> http.setUriCompliance(SUBJECT_PATHS));
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.jetty.modifyServletContextHandler(handler -> {
                handler.getServletHandler().setDecodeAmbiguousURIs(true);
                handler.addFilter(RequestPathFilter.class, "/*", EnumSet.of(DispatcherType.REQUEST));
            });
            instrumentation.accept(config);
            HttpConventions.install(config);
            routeGroups.forEach(group -> group.accept(config.routes));
        });
        app.start();
        log.info("Listening on {}", listeners);
        return new HttpServer(app, listeners);
    }

    /** The port of the first listener. */
    public int port() {
        return app.port();
    }

    /** Every listener with the port it is bound to, in the configured order. */
    public List<URI> bound() {
        return listeners.bound();
    }

    @Override
    public void close() {
        app.stop();
    }
}
