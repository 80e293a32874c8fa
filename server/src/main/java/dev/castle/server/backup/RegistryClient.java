package dev.castle.server.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.domain.json.Jackson;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * A small client of a Confluent-compatible registry's REST API (Castle, Confluent, Karapace, Apicurio's ccompat),
 * for {@code recover} and {@code import}. Credentials in the URL ({@code http://user:password@host:8081}) are sent
 * as HTTP basic authentication.
 */
final class RegistryClient {
    private static final String MEDIA_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = Jackson.MAPPER;

    private final String base;
    private final Optional<String> authorization;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    RegistryClient(String url) {
        URI uri = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url);
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new BackupException("Not a registry URL: " + url + " (expected http://host:port)");
        }
        this.authorization = Optional.ofNullable(uri.getRawUserInfo())
                .map(info -> URLDecoder.decode(info, StandardCharsets.UTF_8))
                .map(info -> "Basic " + Base64.getEncoder().encodeToString(info.getBytes(StandardCharsets.UTF_8)));
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        this.base = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort()) + path;
    }

    String url() {
        return base;
    }

    /** One answer: its status and JSON body (a JSON null when the body is empty or not JSON). */
    record Answer(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    /** GET that must succeed. */
    JsonNode get(String path) {
        return require("GET", path, send("GET", path, null));
    }

    /** GET where 404 means absent. */
    Optional<JsonNode> find(String path) {
        Answer answer = send("GET", path, null);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(require("GET", path, answer));
    }

    /** A write that must succeed. */
    JsonNode write(String method, String path, JsonNode body) {
        return require(method, path, send(method, path, body));
    }

    Answer send(String method, String path, JsonNode body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", MEDIA_TYPE)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : publisher(body));
        if (body != null) {
            request.header("Content-Type", MEDIA_TYPE);
        }
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()));
        } catch (IOException e) {
            throw new BackupException("Cannot reach the registry at " + base + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BackupException("Interrupted while talking to " + base, e);
        }
    }

    /** Percent-encodes one path segment: subjects may hold {@code /}, {@code :} and spaces. */
    static String segment(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private JsonNode require(String method, String path, Answer answer) {
        if (!answer.ok()) {
            throw new BackupException(
                    method + " " + base + path + " answered " + answer.status() + " " + answer.body());
        }
        return answer.body();
    }

    private static HttpRequest.BodyPublisher publisher(JsonNode body) {
        try {
            return HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body));
        } catch (IOException e) {
            throw new BackupException("Cannot write " + body, e);
        }
    }

    private static JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
