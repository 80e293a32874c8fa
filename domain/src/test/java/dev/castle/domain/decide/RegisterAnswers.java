package dev.castle.domain.decide;

import org.assertj.core.api.Condition;

/** Matches the short answer to a registration by its id; its GUID is the content's and is checked where it matters. */
public final class RegisterAnswers {
    private RegisterAnswers() {}

    public static Condition<Object> registeredAs(int id) {
        return new Condition<>(
                answer -> answer instanceof Responses.RegisterResponse registered
                        && registered.id() == id
                        && registered.guid() != null,
                "the answer {\"id\": %d, \"guid\": ...}",
                id);
    }
}
