package dev.castle.query;

import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.decide.Reads;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The query routes in a bare Javalin over an in-memory view, answering {@code "<status> <body>"} (no broker). */
final class RoutesHarness implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final Javalin app;

    private RoutesHarness(Javalin app) {
        this.app = app;
    }

    static RoutesHarness start(FoldedView view) {
        return start(view, CatchUp.NONE);
    }

    /** As {@link #start(FoldedView)}, with {@code catchUp} run before a read answers "not found". */
    static RoutesHarness start(FoldedView view, CatchUp catchUp) {
        QueryRoutes routes = new QueryRoutes(
                view::view, catchUp, new Reads(RegistrySettings.defaults()), RegistrySettings.defaults());
        return new RoutesHarness(Javalin.create(config -> {
                    routes.addTo(config.routes);
                    config.routes.exception(RegistryException.class, (e, ctx) -> ctx.status(
                                    e.errorCode().status())
                            .result(e.errorCode().code() + " " + e.getMessage()));
                })
                .start("127.0.0.1", 0));
    }

    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    @Override
    public void close() {
        app.stop();
    }
}
