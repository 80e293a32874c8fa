package dev.castle.domain.decide;

import static dev.castle.domain.decide.RegistryFixture.field;
import static dev.castle.domain.decide.RegistryFixture.fieldWithDefault;
import static dev.castle.domain.decide.RegistryFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Command;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Decision;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeciderDataContractsTest {
    static final String V1 = record("r", field("f1", "string"));
    static final String V2 = record("r", field("f1", "string"), fieldWithDefault("f2", "string", "\"x\""));
    static final String OWNER_D = "{\"properties\":{\"owner\":\"d\"}}";

    private final RegistryFixture registry = new RegistryFixture();

    @Test
    void shouldStoreConfigDefaultAndOverrideMetadataAndAnswerTheFullEntity() {
        // given
        configure(
                "s",
                "{\"defaultMetadata\":{\"properties\":{\"owner\":\"d\",\"team\":\"d\"}},"
                        + "\"overrideMetadata\":{\"properties\":{\"team\":\"o\"}}}");

        // when
        Decision decision = registry.decide(register("s", V1, "{\"properties\":{\"owner\":\"s\"}}", null));

        // then
        String stored = "{\"properties\":{\"owner\":\"s\",\"team\":\"o\"}}";
        assertThat(registry.model.version("s", 1).map(SchemaVersion::metadata)).contains(stored);
        assertThat(decision.response())
                .isEqualTo(Map.of(
                        "subject", "s", "version", 1, "id", 1, "metadata", Responses.parse(stored), "schema", V1));
    }

    @Test
    void shouldMergeThePreviousVersionsRuleSetWithTheConfigOverride() {
        // given
        registry.decide(register("s", V1, null, "{\"domainRules\":[{\"name\":\"a\",\"type\":\"CEL\"}]}"));
        configure("s", "{\"overrideRuleSet\":{\"domainRules\":[{\"name\":\"b\",\"type\":\"CEL\"}]}}");

        // when
        registry.decide(register("s", V2, null, null));

        // then
        assertThat(registry.model.version("s", 2).map(SchemaVersion::ruleSet))
                .contains("{\"domainRules\":[{\"name\":\"a\",\"type\":\"CEL\"},{\"name\":\"b\",\"type\":\"CEL\"}]}");
    }

    @Test
    void shouldAnswerTheFullEntityWhenTheRequestCarriesItsOwnMetadata() {
        // when
        Decision decision = registry.decide(register("s", V1, OWNER_D, null));

        // then
        assertThat(decision.response())
                .isEqualTo(Map.of(
                        "subject", "s", "version", 1, "id", 1, "metadata", Responses.parse(OWNER_D), "schema", V1));
    }

    @Test
    void shouldNotAddAVersionWhenTheSameSchemaIsSentAgainUnderConfigDefaults() {
        // given
        configure("s", "{\"defaultMetadata\":" + OWNER_D + "}");
        registry.decide(register("s", V1, null, null));

        // when
        Decision decision = registry.decide(register("s", V1, null, null));

        // then
        assertThat(decision.events()).isEmpty();
        assertThat(decision.response()).isInstanceOf(Map.class);
        assertThat(((Map<?, ?>) decision.response()).get("version")).isEqualTo(1);
    }

    @Test
    void shouldFindASchemaStoredWithConfigMetadataWhenLookedUpWithoutIt() {
        // given
        configure("s", "{\"defaultMetadata\":" + OWNER_D + "}");
        registry.decide(register("s", V1, null, null));

        // when
        SchemaVersion found = registry.reads.lookup(registry.model, "s", request(V1, null, null), false, false);

        // then
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.metadata()).isEqualTo(OWNER_D);
    }

    @Test
    void shouldFindASchemaCarryingThePreviousVersionsMetadataWhenLookedUpWithoutIt() {
        // given
        registry.decide(register("s", V1, OWNER_D, null));

        // when
        SchemaVersion found = registry.reads.lookup(registry.model, "s", request(V1, null, null), false, false);

        // then
        assertThat(found.id()).isEqualTo(1);
    }

    private void configure(String subject, String other) {
        registry.decide(new Command.SetConfig(subject, new ConfigValue(null, null, null, null, null, null, other)));
    }

    static Command.RegisterSchema register(String subject, String schema, String metadata, String ruleSet) {
        return new Command.RegisterSchema(subject, request(schema, metadata, ruleSet), false);
    }

    static SchemaRequest request(String schema, String metadata, String ruleSet) {
        return new SchemaRequest(schema, SchemaType.AVRO, List.of(), null, null, metadata, ruleSet);
    }
}
