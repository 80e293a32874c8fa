package dev.castle.rest;

import dev.castle.rest.cluster.KafkaCluster;
import dev.castle.rest.cluster.KafkaCluster.PartitionInfo;
import dev.castle.rest.cluster.KafkaCluster.TopicInfo;
import dev.castle.rest.http.EmbeddedFormat;
import dev.castle.rest.http.ProxyConventions;
import dev.castle.rest.http.RestException;
import dev.castle.rest.produce.Produce;
import dev.castle.rest.session.KafkaSession;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The cluster and produce routes of the v2 API (spec kafka-rest-api §2.5, §3.1–3.4). */
final class ProxyRoutes {
    private static final String VERSION = "castle-" + version();

    private final Function<Context, KafkaSession> sessions;

    ProxyRoutes(Function<Context, KafkaSession> sessions) {
        this.sessions = sessions;
    }

    private KafkaCluster cluster(Context ctx) {
        return sessions.apply(ctx).cluster();
    }

    void addTo(JavalinDefaultRoutingApi routes) {
        routes.get("/", ctx -> ProxyConventions.respond(ctx, Map.of()));
        routes.get("/_health", this::health);
        routes.get(
                "/brokers",
                ctx -> ProxyConventions.respond(
                        ctx, Map.of("brokers", cluster(ctx).brokers())));
        routes.get("/topics", ctx -> ProxyConventions.respond(ctx, cluster(ctx).topicNames()));
        routes.get("/topics/{topic}", this::describeTopic);
        routes.post("/topics/{topic}", ctx -> produce(ctx, null));
        routes.get("/topics/{topic}/partitions", this::partitions);
        routes.get("/topics/{topic}/partitions/{partition}", this::partition);
        routes.post("/topics/{topic}/partitions/{partition}", ctx -> produce(ctx, partitionParam(ctx)));
        routes.get("/topics/{topic}/partitions/{partition}/offsets", this::offsets);
    }

    private void health(Context ctx) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("karapace_version", VERSION);
        body.put("process_uptime_sec", ManagementFactory.getRuntimeMXBean().getUptime() / 1000);
        ProxyConventions.respond(ctx, body);
    }

    /** Karapace answers a topic it does not find here with 40403 (Kafka's unknown topic or partition). */
    private void describeTopic(Context ctx) {
        String name = ctx.pathParam("topic");
        RestException notFound = RestException.of(40403, "Topic " + name + " not found");
        KafkaCluster cluster = cluster(ctx);
        TopicInfo topic = cluster.topic(name).orElseThrow(() -> notFound);
        Map<String, String> configs = cluster.configs(name).orElseThrow(() -> notFound);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("configs", configs);
        body.put("name", name);
        body.put(
                "partitions",
                topic.partitions().stream().map(ProxyRoutes::partitionBody).toList());
        ProxyConventions.respond(ctx, body);
    }

    private void partitions(Context ctx) {
        List<Map<String, Object>> partitions = existingTopic(ctx).partitions().stream()
                .map(ProxyRoutes::partitionBody)
                .toList();
        ProxyConventions.respond(ctx, partitions);
    }

    private void partition(Context ctx) {
        TopicInfo topic = existingTopic(ctx);
        ProxyConventions.respond(ctx, partitionBody(partition(topic, partitionParam(ctx))));
    }

    private void offsets(Context ctx) {
        TopicInfo topic = existingTopic(ctx);
        PartitionInfo partition = partition(topic, partitionParam(ctx));
        KafkaCluster.Offsets offsets = cluster(ctx).offsets(topic.name(), partition.partition());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("beginning_offset", offsets.beginning());
        body.put("end_offset", offsets.end());
        ProxyConventions.respond(ctx, body);
    }

    private void produce(Context ctx, Integer partition) {
        EmbeddedFormat format = ProxyConventions.contentFormat(ctx).orElse(EmbeddedFormat.BINARY);
        Produce.Result result = sessions.apply(ctx)
                .produce()
                .produce(ctx.pathParam("topic"), partition, format, ProxyConventions.body(ctx));
        ProxyConventions.respond(ctx, result.status(), result.body());
    }

    private TopicInfo existingTopic(Context ctx) {
        String name = ctx.pathParam("topic");
        return cluster(ctx).topic(name).orElseThrow(() -> RestException.of(40401, "Topic " + name + " not found"));
    }

    private static PartitionInfo partition(TopicInfo topic, int partition) {
        return topic.partition(partition)
                .orElseThrow(() -> RestException.of(40402, "Partition " + partition + " not found"));
    }

    /** A partition in the path that is not a number is a partition that does not exist (Karapace: 404/404). */
    private static int partitionParam(Context ctx) {
        String value = ctx.pathParam("partition");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw RestException.of(404, "Partition " + value + " not found");
        }
    }

    private static Map<String, Object> partitionBody(PartitionInfo partition) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("leader", partition.leader());
        body.put("partition", partition.partition());
        body.put(
                "replicas",
                partition.replicas().stream()
                        .map(replica -> {
                            Map<String, Object> r = new LinkedHashMap<>();
                            r.put("broker", replica.broker());
                            r.put("in_sync", replica.inSync());
                            r.put("leader", replica.leader());
                            return r;
                        })
                        .toList());
        return body;
    }

    private static String version() {
        String version = ProxyRoutes.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
