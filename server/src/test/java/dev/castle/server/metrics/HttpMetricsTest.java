package dev.castle.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.server.http.HttpServer;
import dev.castle.server.http.Listeners;
import dev.castle.server.tls.TlsSettings;
import dev.castle.testing.TestHttp;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Request timing on a real listener with toy routes: labels are route templates and statuses, never raw paths. */
class HttpMetricsTest {
    private SimpleMeterRegistry registry;
    private HttpServer server;

    @BeforeEach
    void start() {
        registry = new SimpleMeterRegistry();
        server = HttpServer.start(
                Listeners.of("listeners", "http://127.0.0.1:0", TlsSettings.from(Map.of(), "")),
                List.of(routes -> {
                    routes.get("/subjects/{subject}/versions", ctx -> ctx.json(List.of(1)));
                    routes.get("/subjects/{subject}/versions/{version}", ctx -> {
                        throw new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, ctx.pathParam("subject"));
                    });
                    routes.post("/subjects/{subject}/versions", ctx -> ctx.json(Map.of("id", 1)));
                }),
                new HttpMetrics(registry, "registry")::install);
    }

    @AfterEach
    void stop() {
        server.close();
        registry.close();
    }

    private int send(String method, String path, String... headers) {
        return TestHttp.to("http://127.0.0.1:" + server.port())
                .send(method, path, method.equals("POST") ? "{\"schema\":\"1\"}" : null, headers)
                .status();
    }

    private Timer timer(String method, String route, String status) {
        return registry.find("http.server.requests")
                .tags("listener", "registry", "method", method, "route", route, "status", status)
                .timer();
    }

    @Test
    void shouldLabelRequestsWithTheMatchedRouteTemplate() {
        // when two subjects are read, one is missing, and one is written
        assertThat(send("GET", "/subjects/secret-orders/versions")).isEqualTo(200);
        assertThat(send("GET", "/subjects/secret-payments/versions")).isEqualTo(200);
        assertThat(send("GET", "/subjects/secret-orders/versions/7")).isEqualTo(404);
        assertThat(send("POST", "/subjects/secret-orders/versions")).isEqualTo(200);

        // then each route and status has one timer, whatever the subject
        assertThat(timer("GET", "/subjects/{subject}/versions", "200").count()).isEqualTo(2);
        assertThat(timer("GET", "/subjects/{subject}/versions/{version}", "404").count())
                .isEqualTo(1);
        assertThat(timer("POST", "/subjects/{subject}/versions", "200").count()).isEqualTo(1);
        assertThat(labelValues()).noneMatch(value -> value.contains("secret"));
    }

    @Test
    void shouldLabelPathsNoRouteServesAsUnmatched() {
        // when
        assertThat(send("GET", "/secret-path/that/no/route/serves")).isEqualTo(404);
        assertThat(send("GET", "/another-secret")).isEqualTo(404);
        assertThat(send("DELETE", "/subjects/secret-orders/versions")).isEqualTo(405);

        // then
        assertThat(timer("GET", "unmatched", "404").count()).isEqualTo(2);
        assertThat(timer("DELETE", "unmatched", "405").count()).isEqualTo(1);
        assertThat(labelValues()).noneMatch(value -> value.contains("secret"));
    }

    @Test
    void shouldCountARequestRefusedBeforeItsHandlerUnderItsRoute() {
        // when the content negotiation refuses the request before the route's handler runs
        assertThat(send("GET", "/subjects/secret-orders/versions", "Accept", "text/html"))
                .isEqualTo(406);

        // then it still counts under the route it was meant for
        assertThat(timer("GET", "/subjects/{subject}/versions", "406").count()).isEqualTo(1);
    }

    @Test
    void shouldReuseOneTimerPerRouteAndStatus() {
        // when
        for (int i = 0; i < 5; i++) {
            send("GET", "/subjects/s" + i + "/versions");
        }

        // then
        assertThat(registry.find("http.server.requests").timers()).hasSize(1);
        assertThat(timer("GET", "/subjects/{subject}/versions", "200").count()).isEqualTo(5);
    }

    private List<String> labelValues() {
        return registry.getMeters().stream()
                .map(Meter::getId)
                .flatMap(id -> id.getTags().stream())
                .map(Tag::getValue)
                .toList();
    }
}
