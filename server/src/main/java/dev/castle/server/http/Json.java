package dev.castle.server.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.domain.json.Jackson;
import io.javalin.json.JsonMapper;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;

/** Javalin's {@link JsonMapper} over the registry's one mapper ({@link Jackson#MAPPER}). */
public final class Json implements JsonMapper {
    private static final ObjectMapper MAPPER = Jackson.MAPPER;

    static byte[] bytes(Object value) {
        return Jackson.bytes(value);
    }

    @Override
    public String toJsonString(Object value, Type type) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public <T> T fromJsonString(String json, Type type) {
        try {
            return MAPPER.readValue(json, MAPPER.constructType(type));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
