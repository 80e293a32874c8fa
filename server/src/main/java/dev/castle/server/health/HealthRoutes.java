package dev.castle.server.health;

import dev.castle.topology.FoldStatus;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The probes, open to everyone (no credentials, no content negotiation): {@code GET /health/live} and
 * {@code GET /health/ready} for Kubernetes-style probes, 200 {@code {"status":"UP"}} or 503
 * {@code {"status":"DOWN","reason":...}}; and Karapace's {@code GET /_health}, with Karapace's figures under
 * {@code status}, 200 while the node is live and 503 when it is not.
 */
public final class HealthRoutes {
    public static final String LIVE = "/health/live";
    public static final String READY = "/health/ready";
    public static final String KARAPACE = "/_health";

    private final Health health;
    private final Cluster cluster;

    /**
     * What the node knows of its registry cluster, for {@code /_health}.
     *
     * @param leaderUrl the leader's URL, this node's own while it leads; empty while none is known
     * @param leads whether this node leads
     * @param startupSeconds how long the fold took to catch up with the log at start
     */
    public record Cluster(
            Supplier<Optional<String>> leaderUrl,
            BooleanSupplier leads,
            boolean eligible,
            IntSupplier generation,
            double startupSeconds) {}

    public HealthRoutes(Health health, Cluster cluster) {
        this.health = health;
        this.cluster = cluster;
    }

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get(LIVE, ctx -> answer(ctx, health.liveness()));
        routes.get(READY, ctx -> answer(ctx, health.readiness()));
        routes.get(KARAPACE, this::karapace);
    }

    private static void answer(Context ctx, Health.Verdict verdict) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", verdict.passed() ? "UP" : "DOWN");
        verdict.reason().ifPresent(reason -> body.put("reason", reason));
        ctx.status(verdict.passed() ? 200 : 503).json(body);
    }

    /** Karapace's health answer: its figures under {@code status}, and {@code healthy}. */
    private void karapace(Context ctx) {
        boolean ready = health.readiness().passed();
        boolean live = health.liveness().passed();
        FoldStatus fold = health.fold();
        Optional<String> leader = cluster.leaderUrl().get();
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("schema_registry_ready", ready);
        status.put("schema_registry_startup_time_sec", cluster.startupSeconds());
        status.put("schema_registry_reader_current_offset", fold.appliedOffset());
        status.put("schema_registry_reader_highest_offset", fold.logEnd() < 0 ? -1 : fold.logEnd() - 1);
        boolean leads = cluster.leads().getAsBoolean();
        status.put(
                "schema_registry_is_primary",
                leads ? Boolean.TRUE : leader.map(url -> false).orElse(null));
        status.put("schema_registry_is_primary_eligible", cluster.eligible());
        status.put("schema_registry_primary_url", leader.orElse(null));
        status.put("schema_registry_coordinator_running", health.lifecycle() == Health.Lifecycle.SERVING);
        status.put(
                "schema_registry_coordinator_generation_id",
                cluster.generation().getAsInt());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        body.put("healthy", live);
        ctx.status(live ? 200 : 503).json(body);
    }
}
