package dev.castle.domain.decide;

import static dev.castle.domain.decide.RegistryFixture.record;
import static dev.castle.domain.decide.RegistryFixture.registration;
import static dev.castle.domain.decide.RegistryFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Command;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code schema.providers.avro.validate.defaults}: Castle checks the defaults of new Avro schemas unless it is turned
 * off, and then, as Confluent 7.x, still checks them when the schema is normalized.
 */
class DeciderAvroDefaultsTest {
    private static final String BAD_DEFAULT = record("r", "{\"name\":\"f\",\"type\":\"string\",\"default\":null}");

    private final RegistryFixture validating = new RegistryFixture();
    private final RegistryFixture lenient =
            new RegistryFixture(RegistrySettings.defaults().withAvroValidateDefaults(false));

    @Test
    void shouldValidateDefaultsOfNewSchemasByDefault() {
        assertThat(RegistrySettings.defaults().avroValidateDefaults()).isTrue();
        assertThat(validating.rejected(registration("s", BAD_DEFAULT)).getMessage())
                .endsWith("details: Invalid default for field f: null not a \"string\"");
    }

    @Test
    void shouldAcceptAnInvalidDefaultWhenValidationIsOff() {
        int id = lenient.register("s", BAD_DEFAULT);

        assertThat(id).isEqualTo(1);
        assertThat(lenient.reads
                        .checkCompatibility(lenient.model, "other", null, request(BAD_DEFAULT), false, true)
                        .compatible())
                .isTrue();
    }

    @Test
    void shouldStillValidateDefaultsWhenTheRequestNormalizes() {
        assertThat(lenient.rejected(new Command.RegisterSchema("s", request(BAD_DEFAULT), true))
                        .errorCode())
                .isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThat(lenient.reads
                        .checkCompatibility(lenient.model, "s", null, request(BAD_DEFAULT), true, true)
                        .messages())
                .singleElement()
                .asString()
                .endsWith("details: Invalid default for field f: null not a \"string\"");
    }

    @Test
    void shouldStillValidateDefaultsWhenTheSubjectNormalizes() {
        lenient.decide(new Command.SetConfig("s", new ConfigValue(null, true, null, null, null, null, null)));

        assertThat(lenient.rejected(registration("s", BAD_DEFAULT)).errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
    }

    @Test
    void shouldNotLetALenientParseStandInForAValidatingOne() {
        lenient.register("a", BAD_DEFAULT);
        boolean lenientCheck = lenient.reads
                .checkCompatibility(lenient.model, "c", null, request(BAD_DEFAULT), false, true)
                .compatible();

        assertThat(lenientCheck).isTrue();
        assertThat(lenient.rejected(new Command.RegisterSchema("b", request(BAD_DEFAULT), true))
                        .errorCode())
                .isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThat(lenient.reads
                        .checkCompatibility(lenient.model, "c", null, request(BAD_DEFAULT), true, true)
                        .compatible())
                .isFalse();
    }

    @Test
    void shouldKeepCheckingOtherFormatsWhenAvroDefaultsAreOff() {
        String invalid =
                "{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"type\":\"string\",\"minLength\":-2}";
        SchemaRequest json = SchemaRequest.of(SchemaType.JSON, invalid, List.of());

        assertThat(lenient.rejected(new Command.RegisterSchema("s", json, false))
                        .getMessage())
                .contains("Invalid JSON Schema: ");
    }
}
