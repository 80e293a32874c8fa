package dev.castle.server.metrics;

import io.javalin.router.JavalinDefaultRoutingApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The node's one meter registry, with the JVM's meters bound (memory, garbage collection, threads, classes, CPU,
 * uptime), written in the format a scraper asks for: Prometheus text ({@code text/plain; version=0.0.4}) by default,
 * OpenMetrics when its {@code Accept} header names it (Prometheus asks for both, OpenMetrics first).
 */
public final class NodeMetrics implements AutoCloseable {
    public static final String PATH = "/metrics";
    /** Prometheus' text format, the default. */
    public static final String TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /** OpenMetrics, for a scraper whose {@code Accept} names it. */
    public static final String OPEN_METRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    /** A response body and its content type. */
    public record Scrape(String contentType, byte[] body) {}

    public NodeMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Serves {@code GET /metrics}. */
    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get(PATH, ctx -> {
            Scrape scrape = scrape(ctx.header("Accept"));
            ctx.contentType(scrape.contentType()).result(scrape.body());
        });
    }

    /** Every meter: as OpenMetrics when the {@code Accept} header names it, else in Prometheus' text format. */
    public Scrape scrape(String accept) {
        String contentType = accept != null && accept.contains("application/openmetrics-text") ? OPEN_METRICS : TEXT;
        ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
        try {
            registry.scrape(body, contentType);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Scrape(contentType, body.toByteArray());
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
