import dev.castle.embedded.EmbeddedKafka;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Failover time of a three-node Castle cluster (two eligible nodes, one read replica) on an embedded broker: the leader
 * process is killed with SIGKILL and the clock runs until a write sent to the surviving nodes first succeeds. The
 * killed node is restarted between runs. Run from castle.jar's classpath with Java's single-file launcher:
 * java -cp castle.jar bench/FailoverBench.java JAR RUNS SESSION_TIMEOUT_MS
 */
public class FailoverBench {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private static final int[] PORTS = {18181, 18182, 18183};
    private static final boolean[] ELIGIBLE = {true, true, false};

    public static void main(String[] args) throws Exception {
        String jar = args[0];
        int runs = Integer.parseInt(args[1]);
        String sessionMs = args[2];
        Path dir = Files.createTempDirectory("castle-failover");
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir)) {
            Process[] nodes = new Process[3];
            for (int i = 0; i < 3; i++) {
                nodes[i] = start(jar, kafka.bootstrapServers(), i, sessionMs, dir);
            }
            for (int i = 0; i < 3; i++) {
                awaitWrite(i, "warm-up-" + i, Duration.ofMinutes(3));
            }
            List<Long> times = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                int leader = 0; // the eligible node with the lowest URL: http://127.0.0.1:18181
                nodes[leader].destroyForcibly().waitFor();
                long start = System.nanoTime();
                int attempt = 0;
                while (!write(1 + (attempt++ % 2), "run-" + run + "-" + attempt)) {
                    Thread.sleep(20);
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                times.add(millis);
                System.out.printf("run %d: first successful write %d ms after the leader was killed%n", run, millis);
                nodes[leader] = start(jar, kafka.bootstrapServers(), leader, sessionMs, dir);
                awaitWrite(leader, "rejoined-" + run, Duration.ofMinutes(3));
            }
            Collections.sort(times);
            System.out.printf(
                    "failover (session timeout %s ms): median %d ms over %d runs, min %d, max %d%n",
                    sessionMs, times.get(times.size() / 2), runs, times.get(0), times.get(times.size() - 1));
            for (Process node : nodes) {
                node.destroy();
                node.waitFor();
            }
        }
    }

    private static Process start(String jar, String bootstrap, int index, String sessionMs, Path dir)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder("java", "-Xmx384m", "-jar", jar);
        Map<String, String> env = builder.environment();
        env.put("SCHEMA_REGISTRY_LISTENERS", "http://127.0.0.1:" + PORTS[index]);
        env.put("SCHEMA_REGISTRY_CASTLE_REST_ENABLED", "false");
        env.put("SCHEMA_REGISTRY_HOST_NAME", "127.0.0.1");
        env.put("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", bootstrap);
        env.put("SCHEMA_REGISTRY_KAFKASTORE_TOPIC_REPLICATION_FACTOR", "1");
        env.put("SCHEMA_REGISTRY_LEADER_ELIGIBILITY", Boolean.toString(ELIGIBLE[index]));
        env.put("SCHEMA_REGISTRY_KAFKAGROUP_SESSION_TIMEOUT_MS", sessionMs);
        env.put("SCHEMA_REGISTRY_KAFKAGROUP_HEARTBEAT_INTERVAL_MS", Long.toString(Long.parseLong(sessionMs) / 3));
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(new File("bench/out/failover-node" + index + ".log")));
        return builder.start();
    }

    private static void awaitWrite(int node, String subject, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!write(node, subject)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("node " + node + " accepted no write in " + timeout);
            }
            Thread.sleep(200);
        }
    }

    private static boolean write(int node, String subject) throws InterruptedException {
        String schema = "{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"fields\\\":[{\\\"name\\\":\\\"f\\\","
                + "\\\"type\\\":\\\"int\\\"}]}";
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + PORTS[node] + "/subjects/" + subject + "/versions"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"schema\":\"" + schema + "\"}"))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }
}
