package dev.castle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.command.WriteRoutes;
import dev.castle.domain.RegistrySettings;
import dev.castle.query.CatchUp;
import dev.castle.query.QueryRoutes;
import dev.castle.server.health.HealthRoutes;
import dev.castle.server.http.RootRoutes;
import dev.castle.server.metrics.NodeMetrics;
import io.javalin.http.ExceptionHandler;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.javalin.security.RouteRole;
import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsExceptionHandler;
import io.javalin.websocket.WsHandlerType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Every route the registry serves has a decided access; what is not decided is for administrators only. */
class AccessTest {

    /** Records the endpoints route groups add, without a server. */
    private static final class Recorder implements JavalinDefaultRoutingApi {
        final List<Endpoint> endpoints = new ArrayList<>();

        @Override
        public JavalinDefaultRoutingApi addEndpoint(Endpoint endpoint) {
            endpoints.add(endpoint);
            return this;
        }

        @Override
        public <E extends Exception> JavalinDefaultRoutingApi exception(
                Class<E> type, ExceptionHandler<? super E> handler) {
            return this;
        }

        @Override
        public JavalinDefaultRoutingApi error(int status, String contentType, Handler handler) {
            return this;
        }

        @Override
        public <E extends Exception> JavalinDefaultRoutingApi wsException(
                Class<E> type, WsExceptionHandler<? super E> handler) {
            return this;
        }

        @Override
        public JavalinDefaultRoutingApi addWsHandler(
                WsHandlerType type, String path, Consumer<WsConfig> config, RouteRole... roles) {
            return this;
        }
    }

    @Test
    void shouldDecideTheAccessOfEveryRegistryRoute() {
        Recorder routes = new Recorder();
        new RootRoutes("kafka", "group").addTo(routes);
        new QueryRoutes(() -> null, CatchUp.NONE, null, new RegistrySettings(null, true, 1000, 1000, true))
                .addTo(routes);
        new WriteRoutes(null, command -> java.util.Optional.empty()).addTo(routes);
        new HealthRoutes(null, null).addTo(routes);
        try (NodeMetrics metrics = new NodeMetrics()) {
            metrics.addTo(routes);
        }

        assertThat(routes.endpoints).hasSizeGreaterThan(30);
        for (Endpoint endpoint : routes.endpoints) {
            assertThat(Access.known(endpoint.method, endpoint.path))
                    .as("%s %s has a decided access", endpoint.method, endpoint.path)
                    .isTrue();
        }
    }

    @Test
    void shouldOpenOnlyLivenessTypesAndProbes() {
        assertThat(Access.of(HandlerType.GET, "/", null)).isEqualTo(Access.OPEN);
        assertThat(Access.of(HandlerType.GET, "/schemas/types", null)).isEqualTo(Access.OPEN);
        assertThat(Access.of(HandlerType.GET, "/health/live", null)).isEqualTo(Access.OPEN);
        assertThat(Access.of(HandlerType.GET, "/health/ready", null)).isEqualTo(Access.OPEN);
        assertThat(Access.of(HandlerType.GET, "/_health", null)).isEqualTo(Access.OPEN);
        // open unless castle.metrics.authenticate, which RegistryAuth decides
        assertThat(Access.of(HandlerType.GET, "/metrics", null)).isEqualTo(Access.AUTHENTICATED);
        assertThat(Access.of(HandlerType.GET, "/subjects", null)).isEqualTo(Access.AUTHENTICATED);
    }

    @Test
    void shouldTreatAContextsLevelAsConfigAndASubjectsAsTheSubject() {
        assertThat(Access.of(HandlerType.GET, "/config/{subject}", ":.ctx:")).isEqualTo(Access.CONFIG_READ);
        assertThat(Access.of(HandlerType.PUT, "/mode/{subject}", ":.:")).isEqualTo(Access.CONFIG_WRITE);
        assertThat(Access.of(HandlerType.GET, "/config/{subject}", "orders")).isEqualTo(Access.AUTHENTICATED);
        assertThat(Access.of(HandlerType.DELETE, "/config/{subject}", ":.ctx:orders"))
                .isEqualTo(Access.SUBJECT_WRITE);
    }

    @Test
    void shouldKeepUnknownRoutesForAdministrators() {
        assertThat(Access.of(HandlerType.GET, "/exporters", null)).isEqualTo(Access.CONFIG_READ);
        assertThat(Access.of(HandlerType.POST, "/exporters", null)).isEqualTo(Access.CONFIG_WRITE);
        assertThat(Access.CONFIG_WRITE.writes()).isTrue();
        assertThat(Access.AUTHENTICATED.writes()).isFalse();
    }
}
