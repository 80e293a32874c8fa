package dev.castle.serdes.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.castle.serdes.RegistryPortException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON request to the registry: sent to the URL that answered last, then to the next ones in turn when a
 * connection fails. A response is never retried elsewhere: the registry has spoken.
 */
final class RegistryHttp {
    private static final Logger LOG = LoggerFactory.getLogger(RegistryHttp.class);
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    /** What the registry answered: its status and body as JSON (missing when it is not JSON). */
    record Response(int status, JsonNode body) {
        boolean ok() {
            return status / 100 == 2;
        }

        /** The registry's {@code error_code}, 0 when it gave none. */
        int errorCode() {
            return body.path("error_code").asInt(0);
        }

        RegistryPortException error() {
            String message = body.path("message").asText("");
            return new RegistryPortException(
                    status, errorCode(), message.isEmpty() ? "The schema registry answered HTTP " + status : message);
        }
    }

    private final RegistryClientConfig config;
    private final ObjectMapper mapper;
    private final HttpClient client;
    private final AtomicInteger current = new AtomicInteger();

    RegistryHttp(RegistryClientConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /**
     * Sends {@code method path} with {@code body} (null for none).
     *
     * @throws RegistryPortException (status 0) when no URL could be reached
     */
    Response send(String method, String path, JsonNode body) {
        List<URI> urls = config.urls();
        int start = current.get();
        IOException last = null;
        for (int i = 0; i < urls.size(); i++) {
            int index = (start + i) % urls.size();
            URI url = urls.get(index);
            try {
                Response response = send(url, method, path, body);
                current.set(index);
                return response;
            } catch (IOException e) {
                LOG.warn("Schema registry {} unreachable for {} {}: {}", url, method, path, e.toString());
                last = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RegistryPortException("Interrupted while calling the schema registry", e);
            }
        }
        throw new RegistryPortException(
                "Schema registry unreachable at " + urls + ": " + (last == null ? "" : last.getMessage()), last);
    }

    private Response send(URI url, String method, String path, JsonNode body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                .timeout(config.requestTimeout())
                .header("Accept", ACCEPT);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", CONTENT_TYPE)
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
        }
        config.authorization().ifPresent(value -> request.header("Authorization", value));
        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(response.statusCode(), json(response.body()));
    }

    private JsonNode json(byte[] body) {
        try {
            return Optional.ofNullable(mapper.readTree(body)).orElse(MissingNode.getInstance());
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
