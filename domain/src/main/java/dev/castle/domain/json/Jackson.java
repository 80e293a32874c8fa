package dev.castle.domain.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;

/**
 * The registry's one configured {@link ObjectMapper}, for request and response bodies, stored JSON and the records of
 * {@code _schemas}: properties a body does not know are ignored when reading (newer clients send more), and record
 * properties that are null are left out when writing (Confluent omits them). Schema texts are read by each format's
 * own parser; JSON Schema texts by a mapper that keeps numbers exact ({@code JsonSchemaFormat}).
 */
public final class Jackson {
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private Jackson() {}

    /** The body's JSON bytes. */
    public static byte[] bytes(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Cannot write " + body.getClass().getSimpleName(), e);
        }
    }

    /** JSON that Castle stored or wrote itself (metadata, rule sets, config extras), which is valid by construction. */
    public static JsonNode stored(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not valid: " + json, e);
        }
    }
}
