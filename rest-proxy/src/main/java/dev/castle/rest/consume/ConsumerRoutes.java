package dev.castle.rest.consume;

import dev.castle.rest.cluster.KafkaCluster;
import dev.castle.rest.http.EmbeddedFormat;
import dev.castle.rest.http.ProxyConventions;
import dev.castle.rest.http.RestException;
import dev.castle.rest.session.KafkaSession;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.time.Duration;
import java.util.function.Function;

/** The consumer routes of the v2 API (spec kafka-rest-api §3.5). */
public final class ConsumerRoutes {
    private static final String INSTANCE = "/consumers/{group}/instances/{instance}";

    private final Function<Context, KafkaSession> sessions;
    private final Function<Context, String> baseUrl;
    private final long maxBytes;

    /**
     * @param baseUrl the URL clients reach this node by, for a request ({@code base_uri} is built on it)
     * @param maxBytes the default and largest {@code max_bytes} of a fetch
     */
    public ConsumerRoutes(Function<Context, KafkaSession> sessions, Function<Context, String> baseUrl, long maxBytes) {
        this.sessions = sessions;
        this.baseUrl = baseUrl;
        this.maxBytes = maxBytes;
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.post("/consumers/{group}", this::create);
        routes.delete(INSTANCE, ctx -> {
            consumers(ctx).delete(group(ctx), ctx.pathParam("instance"));
            ProxyConventions.noContent(ctx);
        });
        routes.post(
                INSTANCE + "/subscription",
                ctx -> noContent(ctx, () -> instance(ctx).subscribe(body(ctx))));
        routes.get(
                INSTANCE + "/subscription",
                ctx -> ProxyConventions.respond(ctx, instance(ctx).subscription()));
        routes.delete(
                INSTANCE + "/subscription",
                ctx -> noContent(ctx, () -> instance(ctx).unsubscribe()));
        routes.post(
                INSTANCE + "/assignments",
                ctx -> noContent(ctx, () -> instance(ctx).assign(body(ctx))));
        routes.get(
                INSTANCE + "/assignments",
                ctx -> ProxyConventions.respond(ctx, instance(ctx).assignments()));
        routes.post(
                INSTANCE + "/positions",
                ctx -> noContent(ctx, () -> instance(ctx).seek(body(ctx))));
        routes.post(
                INSTANCE + "/positions/beginning",
                ctx -> noContent(ctx, () -> instance(ctx).seekToEdge(body(ctx), true, cluster(ctx))));
        routes.post(
                INSTANCE + "/positions/end",
                ctx -> noContent(ctx, () -> instance(ctx).seekToEdge(body(ctx), false, cluster(ctx))));
        routes.post(
                INSTANCE + "/offsets", ctx -> noContent(ctx, () -> instance(ctx).commit(body(ctx), cluster(ctx))));
        routes.get(
                INSTANCE + "/offsets",
                ctx -> ProxyConventions.respond(ctx, instance(ctx).committed(body(ctx))));
        routes.get(INSTANCE + "/records", this::records);
    }

    private void create(Context ctx) {
        ProxyConventions.respond(ctx, consumers(ctx).create(group(ctx), body(ctx), baseUrl.apply(ctx)));
    }

    private void records(Context ctx) {
        ConsumerInstance instance = instance(ctx);
        EmbeddedFormat accepted = ProxyConventions.acceptFormat(ctx).orElse(null);
        if (accepted != instance.format()) {
            throw RestException.of(
                    40601,
                    "Consumer format " + instance.format().wireName() + " does not match the embedded format "
                            + (accepted == null ? "None" : accepted.wireName()));
        }
        Duration timeout = instance.requestTimeout();
        String timeoutParam = ctx.queryParam("timeout");
        if (timeoutParam != null) {
            timeout = Duration.ofMillis(nonNegative("timeout", timeoutParam));
        }
        long bytes = maxBytes;
        String bytesParam = ctx.queryParam("max_bytes");
        if (bytesParam != null) {
            bytes = Math.min(maxBytes, nonNegative("max_bytes", bytesParam));
        }
        ProxyConventions.respond(ctx, instance.records(timeout, bytes));
    }

    private static long nonNegative(String name, String value) {
        long parsed;
        try {
            parsed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw RestException.of(422, "Invalid request parameters: " + name + " is not a number: " + value);
        }
        if (parsed < 0) {
            throw RestException.of(422, "Invalid request parameter " + name + ": must not be negative");
        }
        return parsed;
    }

    private ConsumerInstance instance(Context ctx) {
        return consumers(ctx).instance(group(ctx), ctx.pathParam("instance"));
    }

    private ConsumerManager consumers(Context ctx) {
        return sessions.apply(ctx).consumers();
    }

    private KafkaCluster cluster(Context ctx) {
        return sessions.apply(ctx).cluster();
    }

    private static String group(Context ctx) {
        String group = ctx.pathParam("group");
        int start = 0;
        int end = group.length();
        while (start < end && group.charAt(start) == '/') {
            start++;
        }
        while (end > start && group.charAt(end - 1) == '/') {
            end--;
        }
        return group.substring(start, end);
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode body(Context ctx) {
        return ProxyConventions.body(ctx);
    }

    private static void noContent(Context ctx, Runnable operation) {
        operation.run();
        ProxyConventions.noContent(ctx);
    }
}
