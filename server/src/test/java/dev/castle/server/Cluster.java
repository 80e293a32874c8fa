package dev.castle.server;

import dev.castle.testing.Await;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import dev.castle.testing.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Castle nodes sharing one registry (topic and group) on the shared test broker, with short group timeouts so that
 * failover tests stay fast.
 */
final class Cluster implements AutoCloseable {
    static final Duration SESSION_TIMEOUT = Duration.ofSeconds(6);

    private final String topic = "_schemas-" + UUID.randomUUID();
    private final String group = "cluster-" + UUID.randomUUID();
    private final List<Castle> nodes = new ArrayList<>();
    private final Set<Castle> stopped = new java.util.HashSet<>();
    /** Settings that replace the shared ones on every node; a null value removes the key (Castle's default). */
    private final Map<String, String> overrides;

    Cluster() {
        this(Map.of());
    }

    private Cluster(Map<String, String> overrides) {
        this.overrides = overrides;
    }

    /** Starts one node per flag, in order; {@code true} means leader-eligible. */
    static Cluster start(boolean... eligibility) {
        return start(Map.of(), eligibility);
    }

    /** As {@link #start(boolean...)}, every node with {@code overrides} over the shared settings. */
    static Cluster start(Map<String, String> overrides, boolean... eligibility) {
        Cluster cluster = new Cluster(overrides);
        try {
            for (boolean eligible : eligibility) {
                cluster.startNode(eligible);
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    String group() {
        return group;
    }

    String topic() {
        return topic;
    }

    Castle startNode(boolean eligible) {
        return startNode(eligible, KafkaProducer::new);
    }

    /** Starts a node whose leader appends with producers made by {@code logProducers}. */
    Castle startNode(boolean eligible, Function<Map<String, Object>, Producer<byte[], byte[]>> logProducers) {
        Map<String, String> config = new HashMap<>(settings(eligible));
        config.putIfAbsent("listeners", "http://127.0.0.1:0");
        config.put("castle.rest.enabled", "false");
        Castle castle = Castle.start(new CastleConfig(config), logProducers);
        nodes.add(castle);
        return castle;
    }

    /** The settings every node of this cluster shares: broker, topic, group and short group timeouts. */
    Map<String, String> settings(boolean eligible) {
        Map<String, String> config = new HashMap<>();
        config.put("kafkastore.bootstrap.servers", TestKafka.bootstrapServers());
        config.put("kafkastore.topic", topic);
        config.put("schema.registry.group.id", group);
        config.put("leader.eligibility", Boolean.toString(eligible));
        config.put("kafkagroup.session.timeout.ms", Long.toString(SESSION_TIMEOUT.toMillis()));
        config.put("kafkagroup.heartbeat.interval.ms", "1000");
        config.put("kafkagroup.rebalance.timeout.ms", "10000");
        config.put("leader.read.timeout.ms", "15000");
        overrides.forEach((key, value) -> {
            if (value == null) {
                config.remove(key);
            } else {
                config.put(key, value);
            }
        });
        return config;
    }

    Castle node(int index) {
        return nodes.get(index);
    }

    List<Castle> live() {
        return nodes.stream().filter(node -> !stopped.contains(node)).toList();
    }

    /** Stops a node abruptly: it does not leave the group, so the others notice only when its session expires. */
    void crash(Castle node) {
        stopped.add(node);
        node.crash();
    }

    /** Stops a node cleanly: it leaves the group. */
    void stop(Castle node) {
        stopped.add(node);
        node.close();
    }

    /** Waits until every live node names the same leader and that leader leads; returns it. */
    Castle awaitLeader(Duration timeout) {
        Await.until(() -> agreedLeader().isPresent(), timeout, "the live nodes to agree on a leader");
        return agreedLeader().orElseThrow();
    }

    /** The leader every live node names, if they agree and it is one of them. */
    Optional<Castle> agreedLeader() {
        Set<Optional<String>> named = live().stream().map(Castle::leaderUrl).collect(Collectors.toSet());
        if (named.size() != 1 || named.iterator().next().isEmpty()) {
            return Optional.empty();
        }
        String url = named.iterator().next().get();
        return live().stream().filter(node -> node.url().equals(url)).findFirst();
    }

    static Reply register(Castle node, String subject, String schema) {
        return send(node, "POST", "/subjects/" + TestHttp.encode(subject) + "/versions", Node.registerBody(schema));
    }

    static Reply get(Castle node, String path) {
        return send(node, "GET", path, null);
    }

    /** Sends a request; a refused connection or timeout is a reply with status -1. */
    static Reply send(Castle node, String method, String path, String body) {
        return send(node.url(), method, path, body);
    }

    /** Sends a request to the node at {@code baseUrl}; a refused connection or timeout is a reply with status -1. */
    static Reply send(String baseUrl, String method, String path, String body) {
        return TestNodes.registryClient(baseUrl).trySend(method, path, body);
    }

    @Override
    public void close() {
        for (Castle node : live()) {
            node.close();
        }
        stopped.addAll(nodes);
    }
}
