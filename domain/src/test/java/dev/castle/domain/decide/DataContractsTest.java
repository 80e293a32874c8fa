package dev.castle.domain.decide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.ConfigValue;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DataContractsTest {

    @Test
    void shouldLetUpdatedPropertiesAndTagsWinAndJoinSensitiveNames() {
        // given
        String old = "{\"tags\":{\"f\":[\"PII\"],\"g\":[\"A\"]},\"properties\":{\"b\":\"1\",\"a\":\"1\"},"
                + "\"sensitive\":[\"x\"]}";
        String update = "{\"tags\":{\"f\":[\"PUBLIC\"]},\"properties\":{\"a\":\"2\"},\"sensitive\":[\"w\"]}";

        // when
        String merged = DataContracts.mergeMetadata(old, update);

        // then
        assertThat(merged)
                .isEqualTo("{\"tags\":{\"f\":[\"PUBLIC\"],\"g\":[\"A\"]},\"properties\":{\"a\":\"2\",\"b\":\"1\"},"
                        + "\"sensitive\":[\"w\",\"x\"]}");
    }

    @Test
    void shouldKeepTheOtherMetadataWhenOneIsMissing() {
        assertThat(DataContracts.mergeMetadata(null, "{\"properties\":{\"a\":\"1\"}}"))
                .isEqualTo("{\"properties\":{\"a\":\"1\"}}");
        assertThat(DataContracts.mergeMetadata("{\"properties\":{\"a\":\"1\"}}", null))
                .isEqualTo("{\"properties\":{\"a\":\"1\"}}");
    }

    @Test
    void shouldReplaceRulesOfTheSameNameAndAppendNewOnes() {
        // given
        String old = "{\"domainRules\":[{\"name\":\"r1\",\"type\":\"CEL\",\"expr\":\"old\"},"
                + "{\"name\":\"r2\",\"type\":\"CEL\"}],\"migrationRules\":[{\"name\":\"m\",\"type\":\"JSONATA\"}]}";
        String update = "{\"domainRules\":[{\"name\":\"r1\",\"type\":\"CEL\",\"expr\":\"new\"},"
                + "{\"name\":\"r3\",\"type\":\"CEL\"}]}";

        // when
        String merged = DataContracts.mergeRuleSets(old, update);

        // then
        assertThat(merged)
                .isEqualTo(
                        "{\"migrationRules\":[{\"name\":\"m\",\"kind\":\"TRANSFORM\",\"mode\":\"WRITEREAD\",\"type\":\"JSONATA\",\"disabled\":false}],"
                                + "\"domainRules\":[{\"name\":\"r2\",\"kind\":\"TRANSFORM\",\"mode\":\"WRITEREAD\",\"type\":\"CEL\",\"disabled\":false},"
                                + "{\"name\":\"r1\",\"kind\":\"TRANSFORM\",\"mode\":\"WRITEREAD\",\"type\":\"CEL\",\"expr\":\"new\",\"disabled\":false},{\"name\":\"r3\",\"kind\":\"TRANSFORM\",\"mode\":\"WRITEREAD\",\"type\":\"CEL\",\"disabled\":false}]}");
    }

    @Test
    void shouldLayTheSentMetadataOverDefaultsAndUnderOverrides() {
        // given
        Optional<ConfigValue> config = config("{\"defaultMetadata\":{\"properties\":{\"owner\":\"d\",\"team\":\"d\"}},"
                + "\"overrideMetadata\":{\"properties\":{\"team\":\"o\"}}}");
        DataContracts.Contract sent =
                new DataContracts.Contract("{\"properties\":{\"owner\":\"s\",\"team\":\"s\"}}", null);

        // when
        DataContracts.Contract merged = DataContracts.merged(config, sent, null);

        // then
        assertThat(merged)
                .isEqualTo(new DataContracts.Contract("{\"properties\":{\"owner\":\"s\",\"team\":\"o\"}}", null));
    }

    @Test
    void shouldTakeThePreviousVersionsContractWhenNoneIsSent() {
        // given
        SchemaVersion previous = new SchemaVersion(
                "s",
                1,
                1,
                SchemaType.AVRO,
                "\"string\"",
                List.of(),
                "{\"properties\":{\"a\":\"1\"}}",
                "{\"domainRules\":[{\"name\":\"r\",\"type\":\"CEL\"}]}",
                false);
        Optional<ConfigValue> config =
                config("{\"defaultRuleSet\":{\"domainRules\":[{\"name\":\"d\",\"type\":\"CEL\"}]}}");

        // when
        DataContracts.Contract merged = DataContracts.merged(config, new DataContracts.Contract(null, null), previous);

        // then
        assertThat(merged)
                .isEqualTo(
                        new DataContracts.Contract(
                                "{\"properties\":{\"a\":\"1\"}}",
                                "{\"domainRules\":[{\"name\":\"d\",\"kind\":\"TRANSFORM\",\"mode\":\"WRITEREAD\",\"type\":\"CEL\",\"disabled\":false},{\"name\":\"r\",\"kind\":\"TRANSFORM\",\"mode\":\"WRITEREAD\",\"type\":\"CEL\",\"disabled\":false}]}"));
    }

    @Test
    void shouldSeeDefaultsOrOverridesOnlyWhenOneIsSet() {
        assertThat(DataContracts.hasDefaultsOrOverrides(Optional.empty())).isFalse();
        assertThat(DataContracts.hasDefaultsOrOverrides(config("{\"somethingElse\":1}")))
                .isFalse();
        assertThat(DataContracts.hasDefaultsOrOverrides(config("{\"overrideRuleSet\":{}}")))
                .isTrue();
    }

    static Optional<ConfigValue> config(String other) {
        return Optional.of(new ConfigValue(null, null, null, null, null, null, other));
    }
}
