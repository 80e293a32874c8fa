package dev.castle.domain.format.json;

import static dev.castle.domain.decide.RegisterAnswers.registeredAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaType;
import dev.castle.domain.decide.Decider;
import dev.castle.domain.state.RegistryModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON schemas registered through the Decider, folded into a registry model (spec §12 item 59). */
class JsonRegistrationTest {
    private static final String A_INT =
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"}}," + "\"additionalProperties\":false}";
    private static final String B_INT =
            "{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"integer\"}}," + "\"additionalProperties\":false}";

    private final RegistryModel model = new RegistryModel();
    private final Decider decider = new Decider(RegistrySettings.defaults());
    private long offset;

    private static Command register(String subject, String schema) {
        return new Command.RegisterSchema(subject, SchemaRequest.of(SchemaType.JSON, schema, List.of()), false);
    }

    private Object decide(Command command) {
        Decision decision = decider.decide(command, model);
        decision.events().forEach(event -> model.apply(event, offset++));
        return decision.response();
    }

    @Test
    void shouldGiveTheSameIdToTheSameTextUnderAnySubject() {
        // when
        Object first = decide(register("a", A_INT));
        Object again = decide(register(
                "a",
                "{ \"type\": \"object\", \"properties\": {\"a\": {\"type\": \"integer\"}},"
                        + " \"additionalProperties\": false }"));
        Object other = decide(register("b", A_INT));

        // then
        assertThat(first).is(registeredAs(1));
        assertThat(again).isEqualTo(first);
        assertThat(other).isEqualTo(first);
    }

    @Test
    void shouldRejectAClosedModelThatDropsAWrittenProperty() {
        // given
        decide(register("s", A_INT));

        // when
        RegistryException error = catchThrowableOfType(RegistryException.class, () -> decide(register("s", B_INT)));

        // then
        assertThat(error.errorCode()).isEqualTo(ErrorCode.INCOMPATIBLE_SCHEMA);
        assertThat(error.getMessage())
                .isEqualTo("Schema being registered is incompatible with an earlier schema for subject \"s\", details:"
                        + " [{errorType:\"PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL\", description:\"The new has a"
                        + " closed content model and is missing a property or item present at path '#/properties/a'"
                        + " in the old schema'}, {oldSchemaVersion: 1}, {oldSchema: '" + A_INT + "'},"
                        + " {validateFields: 'false', compatibility: 'BACKWARD'}]");
    }

    @Test
    void shouldRejectASchemaItsMetaSchemaRejects() {
        // when
        RegistryException error = catchThrowableOfType(
                RegistryException.class, () -> decide(register("s", "{\"type\":\"object\",\"required\":\"a\"}")));

        // then
        assertThat(error.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThat(error.getMessage()).contains("required");
    }
}
