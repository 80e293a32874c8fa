package dev.castle.server.http;

import dev.castle.domain.json.ResponseBodies.ErrorBody;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises before a request reaches Javalin (a malformed URI such as {@code /subjects/%00},
 * an oversized header) with Confluent's JSON error body instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(
            Request request, Response response, int code, String message, Throwable cause, Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, MediaTypes.SCHEMA_REGISTRY_V1);
        response.write(true, ByteBuffer.wrap(body(code)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, MediaTypes.SCHEMA_REGISTRY_V1);
        return ByteBuffer.wrap(body(status));
    }

    static byte[] body(int status) {
        String reason = HttpStatus.getMessage(status);
        return Json.bytes(new ErrorBody(status, "HTTP " + status + " " + reason));
    }
}
