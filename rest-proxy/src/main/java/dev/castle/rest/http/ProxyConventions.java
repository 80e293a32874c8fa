package dev.castle.rest.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Karapace's HTTP conventions (spec kafka-rest-api §2) in one place: the request body is read and parsed first (400
 * with a plain-text body when missing or not JSON, 413 over the size limit), then the media types are checked (415,
 * 406); answers carry Karapace's media type and an ETag, and every exception becomes the error envelope.
 */
public final class ProxyConventions {
    private static final Logger log = LoggerFactory.getLogger(ProxyConventions.class);
    private static final String BODY = "castle.rest.body";
    private static final String CONTENT_FORMAT = "castle.rest.contentFormat";
    private static final String ACCEPT_FORMAT = "castle.rest.acceptFormat";

    private ProxyConventions() {}

    /**
     * Javalin's gzip with {@code types} named as compressible: Javalin decides per response whether a type may be
     * compressed by matching it case-insensitively against a list of excluded types unless the type is in its allowed
     * list, and that matching cost about 5% of a small answer's CPU time. Only large answers are compressed (Javalin's
     * default minimum size), when the client accepts it. The registry's listener uses it too.
     */
    public static CompressionStrategy gzipAllowing(String... types) {
        CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
        List<String> allowed = new ArrayList<>(gzip.getAllowedMimeTypes());
        allowed.addAll(List.of(types));
        gzip.setAllowedMimeTypes(allowed);
        return gzip;
    }

    public static void install(JavalinConfig config, long maxRequestBytes) {
        config.http.maxRequestSize = maxRequestBytes;
        config.http.defaultContentType = MediaTypes.RESPONSE;
        config.http.compressionStrategy = gzipAllowing(MediaTypes.RESPONSE, "application/json");
        config.router.ignoreTrailingSlashes = true;
        config.routes.before(ProxyConventions::before);
        config.routes.options("/*", ProxyConventions::preflight);
        config.routes.exception(Exception.class, ProxyConventions::handle);
        config.routes.exception(HttpResponseException.class, ProxyConventions::handle);
    }

    private static void before(Context ctx) {
        ctx.header("Access-Control-Allow-Origin", "*");
        ctx.header("Access-Control-Expose-Headers", "etag");
        if (ctx.method() == HandlerType.OPTIONS) {
            return;
        }
        boolean hasBody = ctx.method() == HandlerType.POST || ctx.method() == HandlerType.PUT;
        if (hasBody) {
            ctx.attribute(BODY, parseBody(ctx, ctx.path().endsWith("/offsets")));
            Optional<EmbeddedFormat> format = MediaTypes.contentType(ctx.header("Content-Type"))
                    .orElseThrow(() -> RestException.of(415, "HTTP 415 Unsupported Media Type"));
            ctx.attribute(CONTENT_FORMAT, format.orElse(null));
        } else if (ctx.method() == HandlerType.GET && ctx.path().endsWith("/offsets")) {
            ctx.attribute(BODY, parseBody(ctx, true));
        } else if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.DELETE) {
            refuseBody(ctx);
        }
        Optional<EmbeddedFormat> accepted = MediaTypes.accept(ctx.header("Accept"))
                .orElseThrow(() -> RestException.of(406, "HTTP 406 Not Acceptable"));
        ctx.attribute(ACCEPT_FORMAT, accepted.orElse(null));
    }

    /** A CORS preflight, answered as Karapace answers it: the origin echoed, or 400 without one. */
    private static void preflight(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null) {
            throw RestException.plain(400, "OPTIONS missing Origin");
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Allow-Methods", "DELETE, GET, OPTIONS, POST, PUT");
        ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type");
        ctx.status(HttpStatus.OK);
    }

    private static JsonNode parseBody(Context ctx, boolean mayBeEmpty) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            if (mayBeEmpty) {
                return JsonNodeFactory.instance.objectNode();
            }
            throw RestException.plain(400, "Missing request JSON body");
        }
        JsonNode body;
        try {
            body = Json.read(bytes);
        } catch (IOException e) {
            throw RestException.plain(400, "Invalid request JSON body");
        }
        if (!(body instanceof ObjectNode)) {
            throw RestException.of(400, "Malformed request");
        }
        return body;
    }

    private static void refuseBody(Context ctx) {
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length == 0) {
            return;
        }
        try {
            JsonNode body = Json.read(bytes);
            if (body instanceof ObjectNode && body.isEmpty()) {
                return;
            }
        } catch (IOException e) {
            // falls through to the refusal
        }
        throw RestException.of(400, "No request body allowed for this operation");
    }

    /** The request's JSON object body, as the conventions parsed it. */
    public static ObjectNode body(Context ctx) {
        ObjectNode body = ctx.attribute(BODY);
        return body == null ? JsonNodeFactory.instance.objectNode() : body;
    }

    /** The embedded format the request's {@code Content-Type} names; empty when it names none (binary). */
    public static Optional<EmbeddedFormat> contentFormat(Context ctx) {
        return Optional.ofNullable(ctx.attribute(CONTENT_FORMAT));
    }

    /** The embedded format the request's {@code Accept} names; empty when it names none. */
    public static Optional<EmbeddedFormat> acceptFormat(Context ctx) {
        return Optional.ofNullable(ctx.attribute(ACCEPT_FORMAT));
    }

    /** Answers {@code body} as JSON with an ETag; 304 when the client already holds it. */
    public static void respond(Context ctx, int status, Object body) {
        byte[] bytes = body instanceof byte[] raw ? raw : Json.write(body);
        String etag = "\"" + md5(bytes) + "\"";
        ctx.header("ETag", etag);
        if (status == 200 && etag.equals(ctx.header("If-None-Match"))) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        ctx.status(status).contentType(MediaTypes.RESPONSE).result(bytes);
    }

    public static void respond(Context ctx, Object body) {
        respond(ctx, 200, body);
    }

    /** Answers 204 with no body. */
    public static void noContent(Context ctx) {
        ctx.status(HttpStatus.NO_CONTENT);
    }

    private static void handle(Exception exception, Context ctx) {
        if (exception instanceof RestException e) {
            write(ctx, e);
        } else if (exception instanceof HttpResponseException e) {
            write(ctx, httpError(e.getStatus()));
        } else if (exception instanceof JsonProcessingException) {
            write(ctx, RestException.of(422, "Invalid request format"));
        } else {
            log.error("Unexpected error answering {} {}", ctx.method(), ctx.path(), exception);
            write(ctx, RestException.of(500, "Internal server error"));
        }
    }

    private static RestException httpError(int status) {
        if (status == 413) {
            return RestException.of(413, "HTTP Request Entity Too Large");
        }
        HttpStatus known = HttpStatus.forStatus(status);
        return RestException.of(status, "HTTP " + status + " " + known.getMessage());
    }

    private static void write(Context ctx, RestException e) {
        ctx.status(e.status());
        if (e.status() == 401) {
            ctx.header("WWW-Authenticate", "Basic realm=\"Karapace REST Proxy\"");
        }
        if (e.plainText()) {
            ctx.contentType("text/plain").result(e.getMessage().getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (e.errorCode() != null) {
            body.put("error_code", e.errorCode());
        }
        body.put("message", e.getMessage());
        ctx.contentType(MediaTypes.RESPONSE).result(Json.write(body));
    }

    private static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
