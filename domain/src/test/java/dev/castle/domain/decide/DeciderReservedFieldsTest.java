package dev.castle.domain.decide;

import static dev.castle.domain.decide.DeciderDataContractsTest.register;
import static dev.castle.domain.decide.RegistryFixture.field;
import static dev.castle.domain.decide.RegistryFixture.fieldWithDefault;
import static dev.castle.domain.decide.RegistryFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Command;
import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistrySettings;
import org.junit.jupiter.api.Test;

class DeciderReservedFieldsTest {
    static final String F_AND_G = record("r", field("f", "string"), fieldWithDefault("g", "string", "\"d\""));
    static final String G_ONLY = record("r", fieldWithDefault("g", "string", "\"d\""));
    static final String RESERVES_F = "{\"properties\":{\"confluent:reserved\":\"f\"}}";
    static final String RESERVES_F_H = "{\"properties\":{\"confluent:reserved\":\"f, h\"}}";

    private final RegistryFixture registry = new RegistryFixture();

    @Test
    void shouldRejectATopLevelFieldThatIsReservedWhenValidateFieldsIsOn() {
        // given
        validateFields(null, true);

        // when
        RegistryException error = registry.rejected(register("s", F_AND_G, RESERVES_F, null));

        // then
        assertThat(error.errorCode()).isEqualTo(ErrorCode.INCOMPATIBLE_SCHEMA);
        assertThat(error.getMessage())
                .isEqualTo("Schema being registered is incompatible with an earlier schema for subject \"s\", details: "
                        + "[The new schema has field that conflicts with the reserved field f., "
                        + "{validateFields: 'true', compatibility: 'BACKWARD'}]");
    }

    @Test
    void shouldFollowTheSubjectsValidateFieldsOverTheGlobalOne() {
        // given
        validateFields(null, true);
        validateFields("off", false);

        // when
        registry.decide(register("off", F_AND_G, RESERVES_F, null));
        RegistryException error = registry.rejected(register("on", F_AND_G, RESERVES_F, null));

        // then
        assertThat(registry.model.version("off", 1)).isPresent();
        assertThat(error.errorCode()).isEqualTo(ErrorCode.INCOMPATIBLE_SCHEMA);
    }

    @Test
    void shouldRejectDroppingANameReservedByTheLatestVersion() {
        // given
        registry.decide(register("s", G_ONLY, RESERVES_F_H, null));
        validateFields("s", true);

        // when
        RegistryException error = registry.rejected(register("s", G_ONLY, RESERVES_F, null));

        // then
        assertThat(error.getMessage())
                .contains("[The new schema has reserved field h removed from its metadata which is present in the "
                        + "old schema's metadata., {validateFields: 'true', compatibility: 'BACKWARD'}]");
    }

    @Test
    void shouldTakeValidateFieldsFromTheGlobalConfigWhenTheSubjectsLeavesItUnset() {
        // given a global config that turns validation on, and a subject config that only sets a level
        validateFields(null, true);
        registry.decide(new Command.SetConfig("s", ConfigValue.of(CompatibilityLevel.NONE)));

        // when
        RegistryException error = registry.rejected(register("s", F_AND_G, RESERVES_F, null));

        // then
        assertThat(error.getMessage()).contains("{validateFields: 'true', compatibility: 'NONE'}");
    }

    @Test
    void shouldValidateFieldsByTheServersDefaultWhenNoConfigSetsIt() {
        // given schema.validate.fields=true and no config at all
        RegistryFixture strict = new RegistryFixture(RegistrySettings.defaults().withValidateFields(true));

        // when
        RegistryException error = strict.rejected(register("s", F_AND_G, RESERVES_F, null));
        strict.decide(new Command.SetConfig("lenient", new ConfigValue(null, null, false, null, null, null, null)));
        strict.decide(register("lenient", F_AND_G, RESERVES_F, null));

        // then
        assertThat(error.getMessage()).contains("{validateFields: 'true', compatibility: 'BACKWARD'}");
        assertThat(strict.model.version("lenient", 1))
                .as("a config that says false wins")
                .isPresent();
    }

    private void validateFields(String subject, boolean on) {
        registry.decide(new Command.SetConfig(
                subject, new ConfigValue(null, null, on, null, CompatibilityLevel.BACKWARD, null, null)));
    }
}
