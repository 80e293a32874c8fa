package dev.castle.server.http;

import io.javalin.router.JavalinDefaultRoutingApi;
import java.util.List;
import java.util.Map;

/** {@code GET /} and {@code POST /} (liveness) and the {@code /v1/metadata} routes (spec §2.1). */
public final class RootRoutes {
    /** The Confluent version Castle answers as, so clients that check it accept Castle. */
    public static final String COMPATIBLE_VERSION = "7.9.9";

    private final String kafkaClusterId;
    private final String registryClusterId;

    /**
     * @param kafkaClusterId the id of the Kafka cluster holding the log
     * @param registryClusterId {@code schema.registry.group.id}
     */
    public RootRoutes(String kafkaClusterId, String registryClusterId) {
        this.kafkaClusterId = kafkaClusterId;
        this.registryClusterId = registryClusterId;
    }

    record Scope(List<String> path, Map<String, String> clusters) {}

    record ClusterId(Scope scope) {}

    record Version(String version, String commitId) {}

    public void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/", ctx -> ctx.json(Map.of()));
        routes.post("/", ctx -> ctx.json(Map.of()));
        routes.get(
                "/v1/metadata/id",
                ctx -> ctx.json(new ClusterId(new Scope(
                        List.of(),
                        Map.of("kafka-cluster", kafkaClusterId, "schema-registry-cluster", registryClusterId)))));
        routes.get("/v1/metadata/version", ctx -> ctx.json(new Version(COMPATIBLE_VERSION, "castle")));
    }
}
