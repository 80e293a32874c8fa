package dev.castle.query;

import dev.castle.domain.json.Jackson;
import io.javalin.http.Context;

/**
 * Serialises response bodies with Castle's own mapper so their shapes (omitted properties, property order) do not
 * depend on how the server configures Javalin; the server's content negotiation sets the final media type.
 */
final class Json {
    static final String MEDIA_TYPE = "application/json";

    private Json() {}

    static byte[] bytes(Object body) {
        return Jackson.bytes(body);
    }

    static void send(Context ctx, Object body) {
        sendBytes(ctx, bytes(body));
    }

    static void sendBytes(Context ctx, byte[] body) {
        ctx.contentType(MEDIA_TYPE).result(body);
    }

    /** A raw schema text ({@code .../schema} endpoints): the text itself is the body. */
    static void sendText(Context ctx, String text) {
        ctx.contentType(MEDIA_TYPE).result(text);
    }
}
