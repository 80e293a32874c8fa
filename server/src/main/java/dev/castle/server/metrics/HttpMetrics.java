package dev.castle.server.metrics;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every request a Javalin listener answers, as {@code http_server_requests_seconds} with the labels
 * {@code listener}, {@code method}, {@code route} and {@code status}. The route is the template the router matched
 * ({@code /subjects/{subject}/versions}), never the request's path, and {@code unmatched} for a path no route serves
 * (404, 405), so the labels stay bounded whatever clients send. Timers are made once per route and status, and the
 * request path only looks them up.
 */
public final class HttpMetrics {
    static final String NAME = "http.server.requests";
    static final String UNMATCHED = "unmatched";
    static final Duration[] BUCKETS = {
        Duration.ofNanos(500_000),
        Duration.ofMillis(1),
        Duration.ofMillis(2),
        Duration.ofMillis(5),
        Duration.ofMillis(10),
        Duration.ofMillis(25),
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofMillis(2500),
        Duration.ofSeconds(5),
        Duration.ofSeconds(10)
    };

    private final MeterRegistry registry;
    private final String listener;
    private final Map<Endpoint, RouteTimers> routes = new ConcurrentHashMap<>();
    private final Map<String, RouteTimers> unmatched = new ConcurrentHashMap<>();

    /** @param listener the {@code listener} label: {@code registry} or {@code rest-proxy} */
    public HttpMetrics(MeterRegistry registry, String listener) {
        this.registry = registry;
        this.listener = listener;
    }

    /**
     * Times the requests of the listener being configured. The empty before-matched handler makes Javalin settle the
     * matched route before any handler runs, so a request refused by a before-handler (406, 415, 401) still counts
     * under its route.
     */
    public void install(JavalinConfig config) {
        config.routes.beforeMatched(ctx -> {});
        config.requestLogger.http(this::record);
    }

    void record(Context ctx, Float milliseconds) {
        Endpoint endpoint = ctx.endpoints().matchedHttpEndpoint();
        RouteTimers timers = endpoint == null
                ? unmatched.computeIfAbsent(ctx.method().name(), method -> new RouteTimers(method, UNMATCHED))
                : routes.computeIfAbsent(endpoint, matched -> new RouteTimers(matched.method.name(), matched.path));
        timers.of(ctx.statusCode()).record((long) (milliseconds * 1_000_000.0), TimeUnit.NANOSECONDS);
    }

    /** The timers of one route, one per status it has answered with: a handful, scanned without locking. */
    private final class RouteTimers {
        private final String method;
        private final String route;
        private volatile StatusTimer[] timers = new StatusTimer[0];

        private record StatusTimer(int status, Timer timer) {}

        RouteTimers(String method, String route) {
            this.method = method;
            this.route = route;
        }

        Timer of(int status) {
            for (StatusTimer known : timers) {
                if (known.status() == status) {
                    return known.timer();
                }
            }
            return add(status);
        }

        private synchronized Timer add(int status) {
            StatusTimer[] known = timers;
            for (StatusTimer timer : known) {
                if (timer.status() == status) {
                    return timer.timer();
                }
            }
            Timer timer = Timer.builder(NAME)
                    .description("HTTP requests answered, by listener, method, route template and status")
                    .tags("listener", listener, "method", method, "route", route, "status", Integer.toString(status))
                    .serviceLevelObjectives(BUCKETS)
                    .register(registry);
            StatusTimer[] grown = Arrays.copyOf(known, known.length + 1);
            grown[known.length] = new StatusTimer(status, timer);
            timers = grown;
            return timer;
        }
    }
}
