package dev.castle.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One HTTP answer of the registry, with helpers to read Confluent's JSON bodies. */
record Reply(int status, String body, HttpHeaders headers) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    JsonNode json() {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON (" + status + "): " + body, e);
        }
    }

    int errorCode() {
        return json().path("error_code").asInt();
    }

    String message() {
        return json().path("message").asText();
    }

    int id() {
        return json().path("id").asInt();
    }

    List<Integer> ints() {
        List<Integer> values = new ArrayList<>();
        json().forEach(n -> values.add(n.asInt()));
        return values;
    }

    List<String> strings() {
        List<String> values = new ArrayList<>();
        json().forEach(n -> values.add(n.asText()));
        return values;
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    String contentType() {
        return header("Content-Type").orElse("");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
