package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.testing.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /metrics} and the health probes of a single node on the real broker, with its REST Proxy: registry and
 * proxy requests are counted by route template (a subject name never becomes a label), the fold's applied offset
 * follows writes, the node leads, and the leader's batches and commits are measured.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsIT {
    private static final String SUBJECT = "private-subject-of-metrics-it";
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final Pattern ROUTE_LABEL = Pattern.compile("route=\"([^\"]*)\"");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Castle node;

    @BeforeAll
    void start() {
        String unique = "metrics_" + System.nanoTime();
        node = Castle.start(Map.of(
                "kafkastore.bootstrap.servers",
                TestKafka.bootstrapServers(),
                "kafkastore.topic",
                "_schemas_" + unique,
                "schema.registry.group.id",
                unique,
                "listeners",
                "http://127.0.0.1:0",
                "rest.listeners",
                "http://127.0.0.1:0"));
        Cluster.await(Duration.ofSeconds(30), () -> node.leaderUrl().isPresent(), "the node to lead");
    }

    @AfterAll
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void shouldCountRequestsByRouteTemplateAndNeverBySubject() throws Exception {
        // given
        double appliedBefore =
                value(scrape(null).body(), "castle_fold_applied_offset").orElseThrow();

        // when two subjects are registered, one is read and asked for a missing version, and a path no route serves
        assertThat(Cluster.register(node, SUBJECT, Node.avroRecord("First")).status())
                .isEqualTo(200);
        assertThat(Cluster.register(node, SUBJECT + "-2", Node.avroRecord("Second"))
                        .status())
                .isEqualTo(200);
        assertThat(Cluster.get(node, "/subjects/" + SUBJECT + "/versions").status())
                .isEqualTo(200);
        assertThat(Cluster.get(node, "/subjects/" + SUBJECT + "/versions/99").status())
                .isEqualTo(404);
        assertThat(send(node.url() + "/" + SUBJECT + "/nowhere", null).statusCode())
                .isEqualTo(404);
        HttpResponse<String> scrape = scrape(null);
        String metrics = scrape.body();

        // then
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(value(metrics, series("POST", "/subjects/{subject}/versions", "200")))
                .hasValue(2);
        assertThat(value(metrics, series("GET", "/subjects/{subject}/versions", "200")))
                .hasValue(1);
        assertThat(value(metrics, series("GET", "/subjects/{subject}/versions/{version}", "404")))
                .hasValue(1);
        assertThat(value(metrics, series("GET", "unmatched", "404"))).hasValue(1);
        assertThat(metrics).contains("http_server_requests_seconds_bucket{listener=\"registry\"");
        assertThat(metrics).doesNotContain(SUBJECT);
        assertThat(routeLabels(metrics)).allMatch(route -> route.startsWith("/") || route.equals("unmatched"));
        assertThat(value(metrics, "castle_fold_applied_offset").orElseThrow()).isGreaterThan(appliedBefore);
    }

    @Test
    void shouldShowTheLeaderItsElectionAndItsBatches() throws Exception {
        // given a write through this node, which leads
        assertThat(Cluster.register(node, "batches-of-metrics-it", Node.avroRecord("Batch"))
                        .status())
                .isEqualTo(200);

        // when
        String metrics = scrape(null).body();

        // then
        assertThat(value(metrics, "castle_leader")).hasValue(1);
        assertThat(value(metrics, "castle_leader_elections_total{outcome=\"leader\"}")
                        .orElseThrow())
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "castle_leader_generation").orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "castle_write_batch_commands_count").orElseThrow())
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "castle_write_batch_commands_bucket{le=\"256.0\"}"))
                .isPresent();
        assertThat(value(metrics, "castle_write_commit_seconds_count{outcome=\"committed\"}")
                        .orElseThrow())
                .isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "castle_write_forwarded_seconds_count{outcome=\"accepted\"}"))
                .hasValue(0);
        assertThat(value(metrics, "castle_fold_skipped_records_total")).hasValue(0);
        assertThat(value(metrics, "castle_fold_lag_records")).isPresent();
        assertThat(value(metrics, "castle_fold_log_end_offset").orElseThrow()).isGreaterThan(0);
        assertThat(value(metrics, "castle_ready")).hasValue(1);
        assertThat(metrics)
                .contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads", "process_uptime_seconds");
    }

    @Test
    void shouldAnswerOpenMetricsWhenTheScraperAsksForIt() throws Exception {
        HttpResponse<String> scrape = scrape(PROMETHEUS_ACCEPT);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type"))
                .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(scrape.body()).endsWith("# EOF\n");
    }

    @Test
    void shouldStayOutOfTheRegistrysContentNegotiation() throws Exception {
        // an Accept the registry's own routes refuse with 406
        assertThat(send(node.url() + "/subjects", "text/plain").statusCode()).isEqualTo(406);

        HttpResponse<String> scrape = scrape("text/plain");

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    }

    @Test
    void shouldCountRestProxyRequestsOnTheirOwnListener() throws Exception {
        // when
        String proxy = "http://127.0.0.1:" + node.restPort().orElseThrow();
        assertThat(send(proxy + "/topics", null).statusCode()).isEqualTo(200);
        assertThat(send(proxy + "/topics/" + SUBJECT + "-topic", null).statusCode())
                .isEqualTo(404);

        // then
        String metrics = scrape(null).body();
        assertThat(value(
                        metrics,
                        "http_server_requests_seconds_count{listener=\"rest-proxy\",method=\"GET\","
                                + "route=\"/topics\",status=\"200\"}"))
                .hasValue(1);
        assertThat(value(
                        metrics,
                        "http_server_requests_seconds_count{listener=\"rest-proxy\",method=\"GET\","
                                + "route=\"/topics/{topic}\",status=\"404\"}"))
                .hasValue(1);
        assertThat(metrics).doesNotContain(SUBJECT);
    }

    @Test
    void shouldBeLiveAndReadyOnceStarted() throws Exception {
        HttpResponse<String> ready = send(node.url() + "/health/ready", null);
        HttpResponse<String> live = send(node.url() + "/health/live", null);

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(ready.body()).path("status").asText()).isEqualTo("UP");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(ready.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void shouldAnswerKarapacesHealthCheck() throws Exception {
        HttpResponse<String> health = send(node.url() + "/_health", null);

        assertThat(health.statusCode()).isEqualTo(200);
        JsonNode body = MAPPER.readTree(health.body());
        assertThat(body.path("healthy").asBoolean()).isTrue();
        JsonNode status = body.path("status");
        assertThat(status.path("schema_registry_ready").asBoolean()).isTrue();
        assertThat(status.path("schema_registry_is_primary").asBoolean()).isTrue();
        assertThat(status.path("schema_registry_is_primary_eligible").asBoolean())
                .isTrue();
        assertThat(status.path("schema_registry_primary_url").asText()).isEqualTo(node.url());
        assertThat(status.path("schema_registry_coordinator_running").asBoolean())
                .isTrue();
        assertThat(status.path("schema_registry_coordinator_generation_id").asInt())
                .isGreaterThanOrEqualTo(1);
        assertThat(status.path("schema_registry_reader_current_offset").asLong())
                .isGreaterThanOrEqualTo(0);
        assertThat(status.path("schema_registry_startup_time_sec").isNumber()).isTrue();
    }

    private static String series(String method, String route, String status) {
        return "http_server_requests_seconds_count{listener=\"registry\",method=\"" + method + "\",route=\"" + route
                + "\",status=\"" + status + "\"}";
    }

    private HttpResponse<String> scrape(String accept) throws Exception {
        HttpResponse<String> response = send(node.url() + "/metrics", accept);
        assertThat(response.statusCode()).isEqualTo(200);
        return response;
    }

    private static HttpResponse<String> send(String url, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (accept != null) {
            request.header("Accept", accept);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of the one sample named exactly {@code series} (name and labels) in Prometheus' text format. */
    static OptionalDouble value(String metrics, String series) {
        for (String line : metrics.split("\n")) {
            if (line.startsWith(series + " ")) {
                return OptionalDouble.of(Double.parseDouble(
                        line.substring(series.length() + 1).trim().split(" ")[0]));
            }
        }
        return OptionalDouble.empty();
    }

    private static List<String> routeLabels(String metrics) {
        Matcher matcher = ROUTE_LABEL.matcher(metrics);
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
