package dev.castle.domain.decide;

import static dev.castle.domain.decide.RegisterAnswers.asJson;
import static dev.castle.domain.decide.RegistryFixture.field;
import static dev.castle.domain.decide.RegistryFixture.fieldWithDefault;
import static dev.castle.domain.decide.RegistryFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Command;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaFingerprint;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.json.Jackson;
import dev.castle.domain.json.ResponseBodies;
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
        assertThat(asJson(decision.response()))
                .isEqualTo(Map.of(
                        "subject",
                        "s",
                        "version",
                        1,
                        "id",
                        1,
                        "guid",
                        guid("s", 1),
                        "metadata",
                        asJson(Jackson.stored(stored)),
                        "schema",
                        V1));
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
                .contains(
                        "{\"domainRules\":[{\"name\":\"a\",\"kind\":\"TRANSFORM\",\"mode\":\"WRITEREAD\",\"type\":\"CEL\",\"disabled\":false},{\"name\":\"b\",\"kind\":\"TRANSFORM\",\"mode\":\"WRITEREAD\",\"type\":\"CEL\",\"disabled\":false}]}");
    }

    @Test
    void shouldAnswerTheFullEntityWhenTheRequestCarriesItsOwnMetadata() {
        // when
        Decision decision = registry.decide(register("s", V1, OWNER_D, null));

        // then
        assertThat(asJson(decision.response()))
                .isEqualTo(Map.of(
                        "subject",
                        "s",
                        "version",
                        1,
                        "id",
                        1,
                        "guid",
                        guid("s", 1),
                        "metadata",
                        asJson(Jackson.stored(OWNER_D)),
                        "schema",
                        V1));
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
        assertThat(decision.response()).isInstanceOf(ResponseBodies.SchemaEntity.class);
        assertThat(asJson(decision.response()).get("version")).isEqualTo(1);
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

    @Test
    void shouldStoreTheVersionAsConfluentVersionWhenAVersionIsAskedFor() {
        // when
        registry.decide(new Command.RegisterSchema(
                "s", new SchemaRequest(V1, SchemaType.AVRO, List.of(), null, 1, OWNER_D, null), false));
        registry.decide(register("s", V2, null, null));

        // then
        assertThat(registry.model.version("s", 1).map(SchemaVersion::metadata))
                .contains("{\"properties\":{\"confluent:version\":\"1\",\"owner\":\"d\"}}");
        assertThat(registry.model.version("s", 2).map(SchemaVersion::metadata))
                .as("the previous version's metadata is carried over, with this version's number")
                .contains("{\"properties\":{\"confluent:version\":\"2\",\"owner\":\"d\"}}");
    }

    @Test
    void shouldGiveTheSameSchemaUnderANewConfluentVersionAnIdOfItsOwn() {
        // given
        registry.decide(register("s", V1, OWNER_D, null));

        // when the same schema and metadata is registered as version 2
        Decision second = registry.decide(new Command.RegisterSchema(
                "s", new SchemaRequest(V1, SchemaType.AVRO, List.of(), null, 2, OWNER_D, null), false));

        // then version 2 holds confluent:version 2, which is other content than id 1's
        SchemaVersion stored = registry.model.version("s", 2).orElseThrow();
        assertThat(second.events()).isNotEmpty();
        assertThat(stored.metadata()).isEqualTo("{\"properties\":{\"confluent:version\":\"2\",\"owner\":\"d\"}}");
        assertThat(stored.id()).isEqualTo(2);
    }

    @Test
    void shouldIgnoreConfluentVersionOnOneSideWhenLookingUp() {
        // given
        registry.decide(new Command.RegisterSchema(
                "s", new SchemaRequest(V1, SchemaType.AVRO, List.of(), null, 1, OWNER_D, null), false));

        // when
        SchemaVersion withoutIt = registry.reads.lookup(registry.model, "s", request(V1, OWNER_D, null), false, false);
        Decision again = registry.decide(register("s", V1, OWNER_D, null));

        // then
        assertThat(withoutIt.version()).isEqualTo(1);
        assertThat(again.events())
                .as("the same schema and metadata is no new version")
                .isEmpty();
        assertThat(SchemaMatcher.sameMetadata(
                        candidate("{\"properties\":{\"confluent:version\":\"2\",\"owner\":\"d\"}}"),
                        stored(1, OWNER_D)))
                .as("a confluent:version naming another version does not match")
                .isFalse();
        assertThat(SchemaMatcher.sameMetadata(
                        candidate("{\"properties\":{\"confluent:version\":\"1\",\"owner\":\"d\"}}"),
                        stored(1, OWNER_D)))
                .isTrue();
    }

    @Test
    void shouldStoreAndHashTheContractInNormalForm() {
        // when
        registry.decide(register(
                "s",
                V1,
                "{\"sensitive\":[\"b\",\"a\",\"a\"],\"properties\":{\"z\":\"1\",\"a\":\"2\"},\"tags\":{}}",
                "{\"domainRules\":[{\"type\":\"CEL\",\"name\":\"r\",\"params\":{\"y\":\"1\",\"x\":\"2\"}}],"
                        + "\"migrationRules\":[]}"));
        Decision same = registry.decide(register(
                "s",
                V1,
                "{\"properties\":{\"a\":\"2\",\"z\":\"1\"},\"sensitive\":[\"a\",\"b\"]}",
                "{\"domainRules\":[{\"name\":\"r\",\"kind\":\"TRANSFORM\",\"mode\":\"WRITEREAD\",\"type\":\"CEL\","
                        + "\"params\":{\"x\":\"2\",\"y\":\"1\"},\"disabled\":false}]}"));

        // then
        SchemaVersion stored = registry.model.version("s", 1).orElseThrow();
        assertThat(stored.metadata())
                .isEqualTo("{\"properties\":{\"a\":\"2\",\"z\":\"1\"},\"sensitive\":[\"a\",\"b\"]}");
        assertThat(stored.ruleSet())
                .isEqualTo(
                        "{\"domainRules\":[{\"name\":\"r\",\"kind\":\"TRANSFORM\",\"mode\":\"WRITEREAD\",\"type\":\"CEL\","
                                + "\"params\":{\"x\":\"2\",\"y\":\"1\"},\"disabled\":false}]}");
        assertThat(same.events())
                .as("the same contract written otherwise is the same schema")
                .isEmpty();
    }

    private static SchemaVersion candidate(String metadata) {
        return new SchemaVersion("s", 0, -1, SchemaType.AVRO, V1, List.of(), metadata, null, false);
    }

    private static SchemaVersion stored(int version, String metadata) {
        return new SchemaVersion("s", version, 1, SchemaType.AVRO, V1, List.of(), metadata, null, false);
    }

    @Test
    void shouldRefuseAConfigWhoseDefaultOrOverrideRuleSetIsMalformed() {
        // when
        RegistryException duplicate = registry.rejected(new Command.SetConfig(
                "s",
                new ConfigValue(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "{\"defaultRuleSet\":{\"domainRules\":[{\"name\":\"a\",\"type\":\"CEL\"},"
                                + "{\"name\":\"a\",\"type\":\"CEL\"}]}}")));
        RegistryException untyped = registry.rejected(new Command.SetConfig(
                null,
                new ConfigValue(
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "{\"overrideRuleSet\":{\"domainRules\":[{\"name\":\"b\"}]}}")));

        // then
        assertThat(duplicate.errorCode()).isEqualTo(ErrorCode.INVALID_RULESET);
        assertThat(duplicate.getMessage()).isEqualTo("Found rule with duplicate name 'a'");
        assertThat(untyped.getMessage()).isEqualTo("Missing rule type");
        assertThat(registry.model.config("s")).isEmpty();
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

    private String guid(String subject, int version) {
        return SchemaFingerprint.guid(registry.model.version(subject, version).orElseThrow());
    }
}
