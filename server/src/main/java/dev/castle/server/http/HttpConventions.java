package dev.castle.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.json.ResponseBodies.ErrorBody;
import dev.castle.rest.http.ProxyConventions;
import dev.castle.server.health.HealthRoutes;
import dev.castle.server.metrics.NodeMetrics;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP conventions of spec §1 in one place: response content negotiation, request content types, the response
 * headers Confluent sends, and the mapping of every exception to Confluent's error body. Handlers only parse, call one
 * collaborator and {@code ctx.json(...)} or throw.
 */
public final class HttpConventions {
    private static final Logger log = LoggerFactory.getLogger(HttpConventions.class);
    private static final String MEDIA_TYPE = "castle.mediaType";
    private static final String REQUEST_ID = "X-Request-ID";

    /** The challenge of a 401: HTTP Basic, as Karapace asks for (spec §9). */
    public static final String BASIC_CHALLENGE = "Basic realm=\"Schema Registry\"";

    /**
     * Paths for operators' tools rather than registry clients: {@code /metrics} and the health probes answer in their
     * own media types (Prometheus' text, JSON), so neither the {@code Accept} negotiation nor the registry's response
     * type applies to them.
     */
    public static final Set<String> OPERATIONS_PATHS =
            Set.of(NodeMetrics.PATH, HealthRoutes.LIVE, HealthRoutes.READY, HealthRoutes.KARAPACE);

    private HttpConventions() {}

    /** Installs the conventions: our mapper, negotiation before every request, error mapping, headers after. */
    public static void install(JavalinConfig config) {
        config.jsonMapper(new Json());
        config.http.prefer405over404 = true;
        config.http.compressionStrategy = ProxyConventions.gzipAllowing(
                MediaTypes.SCHEMA_REGISTRY_V1, MediaTypes.SCHEMA_REGISTRY, MediaTypes.JSON);
        config.routes.before(HttpConventions::before);
        config.routes.after(HttpConventions::after);
        config.routes.exception(Exception.class, HttpConventions::handle);
        config.routes.exception(HttpResponseException.class, HttpConventions::handle);
    }

    private static void before(Context ctx) {
        String requestId = ctx.header(REQUEST_ID);
        ctx.header(REQUEST_ID, requestId == null || requestId.isBlank() ? newRequestId() : requestId);
        ctx.header("X-XSS-Protection", "1; mode=block");
        ctx.header("Cache-Control", "no-cache, no-store, must-revalidate");
        if (OPERATIONS_PATHS.contains(ctx.path())) {
            return;
        }
        boolean hasBody = ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PUT;
        if (hasBody && !MediaTypes.isConsumable(ctx.contentType())) {
            throw new RegistryException(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        String mediaType = MediaTypes.negotiate(ctx.header("Accept"))
                .orElseThrow(() -> new RegistryException(ErrorCode.NOT_ACCEPTABLE));
        ctx.attribute(MEDIA_TYPE, mediaType);
    }

    /**
     * A random (version 4) UUID for {@code X-Request-ID}. It only correlates log lines, so it is drawn from the
     * thread's own generator: {@link UUID#randomUUID()} shares one SecureRandom among all request threads.
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /**
     * Sets the negotiated type as Confluent sends it, with no {@code charset} parameter. Jetty remembers the UTF-8 it
     * assumes for {@code application/json} (which {@code ctx.json} sets) and would append it to any type set later, so
     * the remembered encoding is cleared first; the bodies are UTF-8 either way.
     */
    private static void after(Context ctx) {
        String mediaType = ctx.attribute(MEDIA_TYPE);
        if (mediaType == null && OPERATIONS_PATHS.contains(ctx.path())) {
            return;
        }
        ctx.res().setCharacterEncoding(null);
        ctx.contentType(mediaType == null ? MediaTypes.SCHEMA_REGISTRY_V1 : mediaType);
    }

    private static void handle(Exception exception, Context ctx) {
        Throwable error = unwrap(exception);
        if (error instanceof RegistryException registry) {
            respond(ctx, registry.errorCode().status(), registry.errorCode().code(), registry.getMessage());
        } else if (error instanceof JsonProcessingException json) {
            respond(ctx, 400, 400, jacksonMessage(json));
        } else if (error instanceof HttpResponseException http) {
            respond(ctx, http.getStatus(), http.getStatus(), genericMessage(http.getStatus()));
        } else {
            log.error("Unexpected error answering {} {}", ctx.method(), ctx.path(), error);
            respond(ctx, 500, 500, "Internal Server Error");
        }
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /** Every 401 carries a challenge (RFC 7235), so clients and browsers know to send Basic credentials. */
    private static void respond(Context ctx, int status, int code, String message) {
        if (status == 401) {
            ctx.header("WWW-Authenticate", BASIC_CHALLENGE);
        }
        ctx.status(status).json(new ErrorBody(code, message));
    }

    /** Jackson's own message without its source location, cut before {@code (for Object starting at} (spec §1.3). */
    static String jacksonMessage(JsonProcessingException error) {
        String message = error.getOriginalMessage();
        if (message == null) {
            return "Bad Request";
        }
        int cut = message.indexOf(" (for Object starting at");
        return cut >= 0 ? message.substring(0, cut) : message;
    }

    private static String genericMessage(int status) {
        return "HTTP " + status + " " + HttpStatus.forStatus(status).getMessage();
    }
}
