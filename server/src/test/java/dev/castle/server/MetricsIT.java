package dev.castle.server;

import static dev.castle.server.TestNodes.metric;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.testing.Await;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import java.time.Duration;
import java.util.List;
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

    private Castle node;
    private TestHttp registry;

    @BeforeAll
    void start() {
        node = Castle.start(TestNodes.withRestProxy("metrics"));
        registry = TestHttp.to(node.url());
        Await.until(() -> node.leaderUrl().isPresent(), Duration.ofSeconds(30), "the node to lead");
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
                metric(scrape(null).body(), "castle_fold_applied_offset").orElseThrow();

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
        assertThat(get(registry, "/" + SUBJECT + "/nowhere", null).status()).isEqualTo(404);
        Reply scrape = scrape(null);
        String metrics = scrape.body();

        // then
        assertThat(scrape.header("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metric(metrics, series("POST", "/subjects/{subject}/versions", "200")))
                .hasValue(2);
        assertThat(metric(metrics, series("GET", "/subjects/{subject}/versions", "200")))
                .hasValue(1);
        assertThat(metric(metrics, series("GET", "/subjects/{subject}/versions/{version}", "404")))
                .hasValue(1);
        assertThat(metric(metrics, series("GET", "unmatched", "404"))).hasValue(1);
        assertThat(metrics).contains("http_server_requests_seconds_bucket{listener=\"registry\"");
        assertThat(metrics).doesNotContain(SUBJECT);
        assertThat(routeLabels(metrics)).allMatch(route -> route.startsWith("/") || route.equals("unmatched"));
        assertThat(metric(metrics, "castle_fold_applied_offset").orElseThrow()).isGreaterThan(appliedBefore);
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
        assertThat(metric(metrics, "castle_leader")).hasValue(1);
        assertThat(metric(metrics, "castle_leader_elections_total{outcome=\"leader\"}")
                        .orElseThrow())
                .isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "castle_leader_generation").orElseThrow()).isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "castle_write_batch_commands_count").orElseThrow())
                .isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "castle_write_batch_commands_bucket{le=\"256.0\"}"))
                .isPresent();
        assertThat(metric(metrics, "castle_write_commit_seconds_count{outcome=\"committed\"}")
                        .orElseThrow())
                .isGreaterThanOrEqualTo(1);
        assertThat(metric(metrics, "castle_write_forwarded_seconds_count{outcome=\"accepted\"}"))
                .hasValue(0);
        assertThat(metric(metrics, "castle_fold_skipped_records_total")).hasValue(0);
        assertThat(metric(metrics, "castle_fold_lag_records")).isPresent();
        assertThat(metric(metrics, "castle_fold_log_end_offset").orElseThrow()).isGreaterThan(0);
        assertThat(metric(metrics, "castle_ready")).hasValue(1);
        assertThat(metrics)
                .contains("jvm_memory_used_bytes{", "jvm_gc_", "jvm_threads_live_threads", "process_uptime_seconds");
    }

    @Test
    void shouldAnswerOpenMetricsWhenTheScraperAsksForIt() throws Exception {
        Reply scrape = scrape(PROMETHEUS_ACCEPT);

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type"))
                .hasValue("application/openmetrics-text; version=1.0.0; charset=utf-8");
        assertThat(scrape.body()).endsWith("# EOF\n");
    }

    @Test
    void shouldStayOutOfTheRegistrysContentNegotiation() throws Exception {
        // an Accept the registry's own routes refuse with 406
        assertThat(get(registry, "/subjects", "text/plain").status()).isEqualTo(406);

        Reply scrape = scrape("text/plain");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.header("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    }

    @Test
    void shouldCountRestProxyRequestsOnTheirOwnListener() throws Exception {
        // when
        TestHttp proxy = TestNodes.restClient(node);
        assertThat(get(proxy, "/topics", null).status()).isEqualTo(200);
        assertThat(get(proxy, "/topics/" + SUBJECT + "-topic", null).status()).isEqualTo(404);

        // then
        String metrics = scrape(null).body();
        assertThat(metric(
                        metrics,
                        "http_server_requests_seconds_count{listener=\"rest-proxy\",method=\"GET\","
                                + "route=\"/topics\",status=\"200\"}"))
                .hasValue(1);
        assertThat(metric(
                        metrics,
                        "http_server_requests_seconds_count{listener=\"rest-proxy\",method=\"GET\","
                                + "route=\"/topics/{topic}\",status=\"404\"}"))
                .hasValue(1);
        assertThat(metrics).doesNotContain(SUBJECT);
    }

    @Test
    void shouldBeLiveAndReadyOnceStarted() throws Exception {
        Reply ready = get(registry, "/health/ready", null);
        Reply live = get(registry, "/health/live", null);

        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().path("status").asText()).isEqualTo("UP");
        assertThat(live.status()).isEqualTo(200);
        assertThat(ready.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void shouldAnswerKarapacesHealthCheck() throws Exception {
        Reply health = get(registry, "/_health", null);

        assertThat(health.status()).isEqualTo(200);
        JsonNode body = health.json();
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

    private Reply scrape(String accept) throws Exception {
        Reply response = get(registry, "/metrics", accept);
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    private static Reply get(TestHttp http, String path, String accept) {
        return http.send("GET", path, null, "Accept", accept);
    }

    private static List<String> routeLabels(String metrics) {
        Matcher matcher = ROUTE_LABEL.matcher(metrics);
        return matcher.results().map(result -> result.group(1)).toList();
    }
}
