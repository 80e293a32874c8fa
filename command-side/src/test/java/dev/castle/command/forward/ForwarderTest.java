package dev.castle.command.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.castle.command.WriteRequest;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ForwarderTest {
    private final Forwarder forwarder =
            new Forwarder(Duration.ofSeconds(2), Duration.ofSeconds(5), List.of("X-Tenant"));
    private final AtomicReference<HttpExchange> received = new AtomicReference<>();
    private final AtomicReference<String> receivedBody = new AtomicReference<>();
    private HttpServer leader;
    private volatile int status = 200;
    private volatile String answer = "{\"id\":7}";

    @BeforeEach
    void startLeader() throws IOException {
        leader = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        leader.createContext("/", exchange -> {
            received.set(exchange);
            receivedBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add(Forwarder.OFFSET_HEADER, "42");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        leader.start();
    }

    @AfterEach
    void stopLeader() {
        leader.stop(0);
    }

    private String leaderUrl() {
        return "http://127.0.0.1:" + leader.getAddress().getPort();
    }

    private static WriteRequest register() {
        return new WriteRequest(
                "POST",
                "/subjects/a%2Fb/versions?normalize=true",
                Map.of(
                        "Content-Type", List.of("application/vnd.schemaregistry.v1+json"),
                        "authorization", List.of("Basic dXNlcjpwdw=="),
                        "X-Tenant", List.of("t1"),
                        "Cookie", List.of("secret")),
                "{\"schema\":\"\\\"int\\\"\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldForwardPathQueryBodyAndConfluentHeaders() {
        // when
        Forwarded forwarded = forwarder.forward(leaderUrl(), register()).join();

        // then
        HttpExchange exchange = received.get();
        assertThat(exchange.getRequestMethod()).isEqualTo("POST");
        assertThat(exchange.getRequestURI().getRawPath()).isEqualTo("/subjects/a%2Fb/versions");
        assertThat(exchange.getRequestURI().getRawQuery()).isEqualTo("normalize=true");
        assertThat(receivedBody.get()).isEqualTo("{\"schema\":\"\\\"int\\\"\"}");
        assertThat(exchange.getRequestHeaders().getFirst("Authorization")).isEqualTo("Basic dXNlcjpwdw==");
        assertThat(exchange.getRequestHeaders().getFirst("Content-Type"))
                .isEqualTo("application/vnd.schemaregistry.v1+json");
        assertThat(exchange.getRequestHeaders().getFirst("X-Tenant")).isEqualTo("t1");
        assertThat(exchange.getRequestHeaders().getFirst("X-Forward")).isEqualTo("true");
        assertThat(exchange.getRequestHeaders().containsKey("Cookie")).isFalse();
        assertThat(forwarded.body().path("id").asInt()).isEqualTo(7);
        assertThat(forwarded.appliedOffset()).hasValue(42);
    }

    @Test
    void shouldReturnLeadersStatusAndErrorCode() {
        // given
        status = 404;
        answer = "{\"error_code\":40401,\"message\":\"Subject 'x' not found.\"}";

        // when / then
        assertThatThrownBy(() -> forwarder.forward(leaderUrl(), register()).join())
                .isInstanceOf(CompletionException.class)
                .cause()
                .isInstanceOfSatisfying(RegistryException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("Subject 'x' not found.; error code: 40401");
                });
    }

    @Test
    void shouldFailWithForwardingExceptionWhenLeaderIsUnreachable() {
        // given a leader that has gone away
        String url = leaderUrl();
        leader.stop(0);

        // when / then
        assertThatThrownBy(() -> forwarder.forward(url, register()).join())
                .cause()
                .isInstanceOf(ForwardingException.class);
    }
}
