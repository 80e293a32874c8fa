package dev.castle.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The tests' HTTP client for one server: JSON in, {@link Reply} (status, body, headers) out. Headers given at
 * construction go with every request (a request's own headers of the same name replace them); a request that gets no
 * answer throws, or with {@link #trySend} is a reply with status -1, for tests that stop servers on purpose.
 */
public final class TestHttp {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient SHARED =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final HttpClient client;
    private final String baseUrl;
    private final String[] defaultHeaders;

    private TestHttp(HttpClient client, String baseUrl, String[] defaultHeaders) {
        this.client = client;
        this.baseUrl = baseUrl;
        this.defaultHeaders = defaultHeaders;
    }

    /** A client of the server at {@code baseUrl} ({@code http://host:port}), sending {@code headers} (name, value…). */
    public static TestHttp to(String baseUrl, String... headers) {
        return new TestHttp(SHARED, baseUrl, headers);
    }

    /** As {@link #to}, through {@code client} (one that trusts a test certificate, say). */
    public static TestHttp to(HttpClient client, String baseUrl, String... headers) {
        return new TestHttp(client, baseUrl, headers);
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, String body) {
        return send("POST", path, body);
    }

    public Reply put(String path, String body) {
        return send("PUT", path, body);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    /** Any request; a null {@code body} sends none; {@code headers} are name/value pairs over the default ones. */
    public Reply send(String method, String path, String body, String... headers) {
        try {
            return exchange(method, path, body, headers);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + baseUrl + path, e);
        }
    }

    /** As {@link #send}, but a request that gets no answer is a reply with status -1 instead of an exception. */
    public Reply trySend(String method, String path, String body, String... headers) {
        try {
            return exchange(method, path, body, headers);
        } catch (IOException e) {
            return Reply.NONE;
        }
    }

    private Reply exchange(String method, String path, String body, String[] headers) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(REQUEST_TIMEOUT)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        List<String> names = new ArrayList<>();
        for (int i = 0; i < headers.length; i += 2) {
            names.add(headers[i].toLowerCase(java.util.Locale.ROOT));
            if (headers[i + 1] != null) {
                request.header(headers[i], headers[i + 1]);
            }
        }
        for (int i = 0; i < defaultHeaders.length; i += 2) {
            if (!names.contains(defaultHeaders[i].toLowerCase(java.util.Locale.ROOT))) {
                request.header(defaultHeaders[i], defaultHeaders[i + 1]);
            }
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: " + method + " " + baseUrl + path, e);
        }
    }

    /** {@code value} written as JSON. */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The value of an {@code Authorization} header with HTTP Basic credentials. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Percent-encodes one path segment (a subject may hold {@code /}, {@code :}, spaces and quotes). */
    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
