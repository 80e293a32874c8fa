package dev.castle.domain.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaRequest;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Request bodies of the wrong shape are answered as Confluent's Jersey resources answer them: 400, error code 400 and
 * Jackson's mismatch message, which names Confluent's request type, never one of Castle's classes (spec §1.3).
 */
class RequestBodiesTest {
    private static final String REGISTER =
            "`io.confluent.kafka.schemaregistry.client.rest.entities.requests.RegisterSchemaRequest`";
    private static final String CONFIG =
            "`io.confluent.kafka.schemaregistry.client.rest.entities.requests.ConfigUpdateRequest`";
    private static final String MODE =
            "`io.confluent.kafka.schemaregistry.client.rest.entities.requests.ModeUpdateRequest`";
    private static final String REFERENCE = "io.confluent.kafka.schemaregistry.client.rest.entities.SchemaReference";

    private interface Parser {
        Object parse(byte[] body) throws IOException;
    }

    private static String badRequest(Parser parser, String body) {
        Throwable thrown = catchThrowable(() -> parser.parse(body.getBytes(UTF_8)));
        assertThat(thrown).as(body).isInstanceOf(RegistryException.class);
        RegistryException error = (RegistryException) thrown;
        assertThat(error.errorCode()).as(body).isEqualTo(ErrorCode.BAD_REQUEST);
        return error.getMessage();
    }

    private static SchemaRequest schema(String body) throws IOException {
        return RequestBodies.schemaRequest(body.getBytes(UTF_8));
    }

    @Test
    void shouldAnswerJacksonsMismatchNamingRegisterSchemaRequestForANonObjectSchemaBody() {
        Parser parser = RequestBodies::schemaRequest;

        assertThat(badRequest(parser, "[]"))
                .isEqualTo("Cannot deserialize value of type " + REGISTER
                        + " from Array value (token `JsonToken.START_ARRAY`)");
        assertThat(badRequest(parser, "\"x\""))
                .isEqualTo("Cannot construct instance of " + REGISTER
                        + " (although at least one Creator exists): no String-argument constructor/factory method"
                        + " to deserialize from String value ('x')");
        assertThat(badRequest(parser, "1"))
                .isEqualTo("Cannot construct instance of " + REGISTER
                        + " (although at least one Creator exists): no int/Int-argument constructor/factory method"
                        + " to deserialize from Number value (1)");
        assertThat(badRequest(parser, "1.5"))
                .isEqualTo("Cannot construct instance of " + REGISTER
                        + " (although at least one Creator exists): no double/Double-argument constructor/factory"
                        + " method to deserialize from Number value (1.5)");
        assertThat(badRequest(parser, "true"))
                .isEqualTo("Cannot construct instance of " + REGISTER
                        + " (although at least one Creator exists): no boolean/Boolean-argument constructor/factory"
                        + " method to deserialize from boolean value (true)");
        assertThat(badRequest(parser, "\"\""))
                .isEqualTo("Cannot coerce empty String (\"\") to " + REGISTER
                        + " value (but could if coercion was enabled using `CoercionConfig`)");
    }

    @Test
    void shouldNameConfluentsTypesForMismatchedProperties() {
        Parser parser = RequestBodies::schemaRequest;

        assertThat(badRequest(parser, "{\"schema\":{}}"))
                .isEqualTo("Cannot deserialize value of type `java.lang.String` from Object value"
                        + " (token `JsonToken.START_OBJECT`)");
        assertThat(badRequest(parser, "{\"references\":{}}"))
                .isEqualTo("Cannot deserialize value of type `java.util.ArrayList<" + REFERENCE + ">`"
                        + " from Object value (token `JsonToken.START_OBJECT`)");
        assertThat(badRequest(parser, "{\"references\":[1]}"))
                .isEqualTo("Cannot construct instance of `" + REFERENCE + "` (although at least one Creator exists):"
                        + " no int/Int-argument constructor/factory method to deserialize from Number value (1)");
        assertThat(badRequest(parser, "{\"version\":\"x\"}"))
                .isEqualTo("Cannot deserialize value of type `java.lang.Integer` from String \"x\":"
                        + " not a valid `java.lang.Integer` value");
    }

    @Test
    void shouldReadScalarsAsJacksonCoercesThem() throws IOException {
        SchemaRequest request = schema("{\"schema\":1,\"version\":2.0,\"id\":\"3\"}");

        assertThat(request.schema()).isEqualTo("1");
        assertThat(request.version()).isEqualTo(2);
        assertThat(request.id()).isEqualTo(3);
    }

    @Test
    void shouldAnswerJacksonsMismatchNamingConfigUpdateRequestForABadConfigBody() {
        Parser parser = RequestBodies::config;

        assertThat(badRequest(parser, "[]"))
                .isEqualTo("Cannot deserialize value of type " + CONFIG
                        + " from Array value (token `JsonToken.START_ARRAY`)");
        assertThat(badRequest(parser, "\"FULL\""))
                .isEqualTo("Cannot construct instance of " + CONFIG
                        + " (although at least one Creator exists): no String-argument constructor/factory method"
                        + " to deserialize from String value ('FULL')");
        assertThat(badRequest(parser, "{\"compatibility\":{}}"))
                .isEqualTo("Cannot deserialize value of type `java.lang.String` from Object value"
                        + " (token `JsonToken.START_OBJECT`)");
        assertThat(badRequest(parser, "{\"normalize\":\"x\"}"))
                .isEqualTo("Cannot deserialize value of type `java.lang.Boolean` from String \"x\":"
                        + " only \"true\" or \"false\" recognized");
    }

    @Test
    void shouldReadConfigScalarsAsJacksonCoercesThem() throws IOException {
        RequestBodies.ConfigBody config = RequestBodies.config(
                "{\"compatibility\":1,\"normalize\":1,\"validateFields\":\"true\",\"defaultMetadata\":{\"a\":1}}"
                        .getBytes(UTF_8));

        assertThat(config.compatibility()).isEqualTo("1");
        assertThat(config.normalize()).isTrue();
        assertThat(config.validateFields()).isTrue();
        assertThat(config.validateRules()).isNull();
        assertThat(config.defaultMetadata()).hasToString("{\"a\":1}");
    }

    @Test
    void shouldAnswerJacksonsMismatchNamingModeUpdateRequestForABadModeBody() {
        Parser parser = RequestBodies::mode;

        assertThat(badRequest(parser, "[]"))
                .isEqualTo("Cannot deserialize value of type " + MODE
                        + " from Array value (token `JsonToken.START_ARRAY`)");
        assertThat(badRequest(parser, "1"))
                .isEqualTo("Cannot construct instance of " + MODE
                        + " (although at least one Creator exists): no int/Int-argument constructor/factory method"
                        + " to deserialize from Number value (1)");
        assertThat(badRequest(parser, "{\"mode\":{}}"))
                .isEqualTo("Cannot deserialize value of type `java.lang.String` from Object value"
                        + " (token `JsonToken.START_OBJECT`)");
    }

    @Test
    void shouldTakeABareStringAsTheModeAsConfluentDoes() throws IOException {
        assertThat(RequestBodies.mode("\"READONLY\"".getBytes(UTF_8)).mode()).isEqualTo("READONLY");
        assertThat(RequestBodies.mode("{\"mode\":\"IMPORT\"}".getBytes(UTF_8)).mode())
                .isEqualTo("IMPORT");
        assertThat(RequestBodies.mode("{\"mode\":null}".getBytes(UTF_8)).mode()).isNull();
        assertThat(RequestBodies.mode("{}".getBytes(UTF_8)).mode()).isNull();
    }

    @Test
    void shouldNeverNameCastlesClasses() {
        List<String> bodies = List.of(
                "[]",
                "[{}]",
                "\"x\"",
                "\"\"",
                "0",
                "-7",
                "1e3",
                "12345678901",
                "123456789012345678901234",
                "false",
                "NaN",
                "{\"references\":\"x\"}",
                "{\"references\":[[]]}",
                "{\"references\":[\"r\"]}",
                "{\"references\":[{\"name\":{}}]}",
                "{\"references\":[{\"version\":\"x\"}]}",
                "{\"schemaType\":[]}",
                "{\"id\":{}}",
                "{\"alias\":[]}",
                "{\"validateRules\":[]}",
                "{\"mode\":[]}");
        List<Parser> parsers = List.of(RequestBodies::schemaRequest, RequestBodies::config, RequestBodies::mode);
        for (Parser parser : parsers) {
            for (String body : bodies) {
                Throwable thrown = catchThrowable(() -> parser.parse(body.getBytes(UTF_8)));
                if (thrown != null) {
                    assertThat(thrown.getMessage()).as(body).doesNotContain("castle");
                }
            }
        }
    }

    @Test
    void shouldAnswer422ForAMissingBody() {
        for (String body : List.of("", "null")) {
            assertThatThrownBy(() -> schema(body))
                    .isInstanceOfSatisfying(RegistryException.class, e -> assertThat(e.errorCode())
                            .isEqualTo(ErrorCode.UNPROCESSABLE));
            assertThatThrownBy(() -> RequestBodies.config(body.getBytes(UTF_8))).isInstanceOf(RegistryException.class);
            assertThatThrownBy(() -> RequestBodies.mode(body.getBytes(UTF_8))).isInstanceOf(RegistryException.class);
        }
    }

    @Test
    void shouldLeaveSyntaxErrorsToTheHttpLayer() {
        assertThatThrownBy(() -> schema("{x}")).isInstanceOf(IOException.class);
    }
}
