package dev.castle.domain.decide;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.castle.domain.json.Jackson;
import dev.castle.domain.json.ResponseBodies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.assertj.core.api.Condition;

/** Matches the short answer to a registration by its id; its GUID is the content's and is checked where it matters. */
public final class RegisterAnswers {
    private RegisterAnswers() {}

    public static Condition<Object> registeredAs(int id) {
        return new Condition<>(
                answer -> answer instanceof ResponseBodies.RegisterResponse registered
                        && registered.id() == id
                        && registered.guid() != null,
                "the answer {\"id\": %d, \"guid\": ...}",
                id);
    }

    /** An answer as a client reads it: its JSON, as maps, lists and plain values. */
    public static Map<String, Object> asJson(Object answer) {
        try {
            return Jackson.MAPPER.readValue(Jackson.bytes(answer), new TypeReference<Map<String, Object>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
