package dev.castle.command.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.command.WriteRequest;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.json.Jackson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLContext;

/**
 * Sends a follower's write to the leader (spec §6.3): same method, path, query and body, with the headers Confluent
 * forwards ({@code Authorization} included) plus {@code X-Forward: true}. The leader's error comes back with its status
 * and error code; an unreachable leader is a {@link ForwardingException}.
 */
public final class Forwarder {
    /** The response header in which a Castle node reports the log offset it had applied when it answered a write. */
    public static final String OFFSET_HEADER = WriteRequest.OFFSET_HEADER;

    private static final List<String> FORWARDED_HEADERS = List.of(
            "Content-Type",
            "Accept",
            "Confluent-Accept-Unknown-Properties",
            "Authorization",
            "X-Request-ID",
            "traceparent");
    private static final ObjectMapper MAPPER = Jackson.MAPPER;

    private final HttpClient http;
    private final Duration readTimeout;
    private final List<String> headers;

    /**
     * @param extraHeaders {@code inter.instance.headers.whitelist}: more header names to forward
     */
    public Forwarder(Duration connectTimeout, Duration readTimeout, List<String> extraHeaders) {
        this(connectTimeout, readTimeout, extraHeaders, null);
    }

    /**
     * @param extraHeaders {@code inter.instance.headers.whitelist}: more header names to forward
     * @param tls what an https leader is trusted with (and the certificate shown to one that asks for it); null for the
     *     JDK's defaults
     */
    public Forwarder(Duration connectTimeout, Duration readTimeout, List<String> extraHeaders, SSLContext tls) {
        HttpClient.Builder builder =
                HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_1_1);
        if (tls != null) {
            builder.sslContext(tls);
        }
        this.http = builder.build();
        this.readTimeout = readTimeout;
        this.headers = new ArrayList<>(FORWARDED_HEADERS);
        this.headers.addAll(extraHeaders);
    }

    /** Forwards the request to {@code leaderUrl}; completes with the leader's answer or its error. */
    public CompletableFuture<Forwarded> forward(String leaderUrl, WriteRequest request) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(leaderUrl + request.pathAndQuery()))
                .timeout(readTimeout)
                .method(request.method(), HttpRequest.BodyPublishers.ofByteArray(request.body()))
                .header("X-Forward", "true");
        for (String name : headers) {
            String value = request.header(name);
            if (value != null) {
                builder.header(name, value);
            }
        }
        return http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofByteArray())
                .handle((response, error) -> {
                    if (error != null) {
                        Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                        throw new ForwardingException("Could not forward to the leader at " + leaderUrl, cause);
                    }
                    return answer(leaderUrl, response);
                });
    }

    private static Forwarded answer(String leaderUrl, HttpResponse<byte[]> response) {
        JsonNode body;
        try {
            body = MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new ForwardingException("The leader at " + leaderUrl + " answered with no JSON body", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw leaderError(response.statusCode(), body);
        }
        OptionalLong offset = response.headers()
                .firstValue(OFFSET_HEADER)
                .map(value -> OptionalLong.of(Long.parseLong(value)))
                .orElse(OptionalLong.empty());
        return new Forwarded(body, offset);
    }

    /** The leader's error with its status and code; Confluent's client appends the code to the message. */
    static RegistryException leaderError(int status, JsonNode body) {
        int code = body.path("error_code").asInt(status);
        String message = body.path("message").asText("") + "; error code: " + code;
        for (ErrorCode candidate : ErrorCode.values()) {
            if (candidate.code() == code && candidate.status() == status) {
                return RegistryException.withMessage(candidate, message);
            }
        }
        for (ErrorCode candidate : ErrorCode.values()) {
            if (candidate.code() == code) {
                return RegistryException.withMessage(candidate, message);
            }
        }
        return RegistryException.withMessage(ErrorCode.FORWARDING_ERROR, message);
    }
}
