package dev.castle.testing;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One HTTP answer: its status and body as sent, with helpers that read Confluent's JSON bodies. A request that got no
 * answer (refused, reset or timed out) is a reply with status -1, no body and no headers; see {@link #answered()}.
 */
public record Reply(int status, String body, HttpHeaders headers) {
    static final Reply NONE = new Reply(-1, null, HttpHeaders.of(java.util.Map.of(), (name, value) -> true));

    /** Whether the server answered at all. */
    public boolean answered() {
        return status >= 0;
    }

    /** Whether the status is 200. */
    public boolean ok() {
        return status == 200;
    }

    /** The body as JSON; fails the test when it is not JSON. */
    public JsonNode json() {
        if (body == null) {
            throw new IllegalStateException("No answer, so no body");
        }
        try {
            return TestHttp.MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
        }
    }

    /** {@code error_code} of a Confluent error body. */
    public int errorCode() {
        return json().path("error_code").asInt();
    }

    /** {@code message} of a Confluent error body. */
    public String message() {
        return json().path("message").asText();
    }

    /** {@code id} of a registration or lookup answer. */
    public int id() {
        return json().path("id").asInt();
    }

    /** The numbers of a JSON array body. */
    public List<Integer> ints() {
        List<Integer> values = new ArrayList<>();
        json().forEach(n -> values.add(n.asInt()));
        return values;
    }

    /** The strings of a JSON array body. */
    public List<String> strings() {
        List<String> values = new ArrayList<>();
        json().forEach(n -> values.add(n.asText()));
        return values;
    }

    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    public String contentType() {
        return header("Content-Type").orElse("");
    }

    @Override
    public String toString() {
        return answered() ? status + " " + body : "no answer";
    }
}
