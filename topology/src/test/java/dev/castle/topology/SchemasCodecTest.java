package dev.castle.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SchemasCodecTest {
    private static final String ORDER =
            "{\"type\":\"record\",\"name\":\"Order\",\"fields\":[{\"name\":\"id\",\"type\":\"long\"}]}";

    private final SchemasCodec codec = new SchemasCodec();

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private void assertEncodes(Event event, String key, String value) {
        assertThat(text(codec.encodeKey(event))).isEqualTo(key);
        assertThat(text(codec.encodeValue(event))).isEqualTo(value);
        assertThat(codec.decode(bytes(key), value == null ? null : bytes(value)))
                .isEqualTo(event);
    }

    @Test
    void shouldWriteAvroSchemaRecordAsConfluentDoes() {
        // given
        SchemaVersion schema =
                new SchemaVersion("orders-value", 3, 17, SchemaType.AVRO, ORDER, List.of(), null, null, false);

        // when / then (spec §5.2, §5.3)
        assertEncodes(
                new Event.SchemaUpserted(schema),
                "{\"keytype\":\"SCHEMA\",\"subject\":\"orders-value\",\"version\":3,\"magic\":1}",
                "{\"subject\":\"orders-value\",\"version\":3,\"id\":17,\"schema\":"
                        + "\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"Order\\\",\\\"fields\\\":[{\\\"name\\\":\\\"id\\\","
                        + "\\\"type\\\":\\\"long\\\"}]}\",\"deleted\":false}");
    }

    @Test
    void shouldWriteTypeReferencesMetadataAndRuleSetInConfluentOrder() {
        // given
        SchemaVersion schema = new SchemaVersion(
                "p-value",
                1,
                18,
                SchemaType.PROTOBUF,
                "syntax = \"proto3\";\n",
                List.of(new SchemaReference("common.proto", "common", 2)),
                "{\"properties\":{\"owner\":\"me\"}}",
                "{\"domainRules\":[]}",
                true);

        // when / then
        assertEncodes(
                new Event.SchemaUpserted(schema),
                "{\"keytype\":\"SCHEMA\",\"subject\":\"p-value\",\"version\":1,\"magic\":1}",
                "{\"subject\":\"p-value\",\"version\":1,\"id\":18,\"schemaType\":\"PROTOBUF\",\"references\":"
                        + "[{\"name\":\"common.proto\",\"subject\":\"common\",\"version\":2}],"
                        + "\"metadata\":{\"properties\":{\"owner\":\"me\"}},\"ruleSet\":{},"
                        + "\"schema\":\"syntax = \\\"proto3\\\";\\n\",\"deleted\":true}");
    }

    @Test
    void shouldWriteTombstonesAndNoopWithNullValues() {
        assertEncodes(
                new Event.SchemaTombstoned("s", 2),
                "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":2,\"magic\":1}",
                null);
        assertEncodes(new Event.ConfigCleared(null), "{\"keytype\":\"CONFIG\",\"magic\":0}", null);
        assertEncodes(new Event.ModeCleared("s"), "{\"keytype\":\"MODE\",\"subject\":\"s\",\"magic\":0}", null);
        assertEncodes(new Event.Noop(), "{\"keytype\":\"NOOP\",\"magic\":0}", null);
    }

    @Test
    void shouldWriteConfigRecordsForSubjectAndGlobal() {
        assertEncodes(
                new Event.ConfigSet("s", ConfigValue.of(CompatibilityLevel.FULL)),
                "{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}",
                "{\"subject\":\"s\",\"compatibilityLevel\":\"FULL\"}");
        assertEncodes(
                new Event.ConfigSet(null, ConfigValue.of(CompatibilityLevel.BACKWARD)),
                "{\"keytype\":\"CONFIG\",\"magic\":0}",
                "{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void shouldWriteEveryConfigPropertyInConfluentOrderAndKeepUnknownOnes() {
        // given
        ConfigValue config = new ConfigValue(
                "other", true, false, true, CompatibilityLevel.NONE, "app.version", "{\"defaultMetadata\":{\"a\":1}}");

        // when / then
        assertEncodes(
                new Event.ConfigSet(":.ctx:", config),
                "{\"keytype\":\"CONFIG\",\"subject\":\":.ctx:\",\"magic\":0}",
                "{\"subject\":\":.ctx:\",\"alias\":\"other\",\"normalize\":true,\"validateFields\":false,"
                        + "\"validateRules\":true,\"compatibilityLevel\":\"NONE\",\"compatibilityGroup\":\"app.version\","
                        + "\"defaultMetadata\":{\"a\":1}}");
    }

    @Test
    void shouldWriteModeDeleteClearAndContextRecords() {
        assertEncodes(
                new Event.ModeSet("s", Mode.READONLY),
                "{\"keytype\":\"MODE\",\"subject\":\"s\",\"magic\":0}",
                "{\"subject\":\"s\",\"mode\":\"READONLY\"}");
        assertEncodes(
                new Event.ModeSet(null, Mode.IMPORT), "{\"keytype\":\"MODE\",\"magic\":0}", "{\"mode\":\"IMPORT\"}");
        assertEncodes(
                new Event.SubjectDeleted("s", 4),
                "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}",
                "{\"subject\":\"s\",\"version\":4}");
        assertEncodes(
                new Event.SubjectCleared(":.ctx:"),
                "{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\":.ctx:\",\"magic\":0}",
                "{\"subject\":\":.ctx:\"}");
        assertEncodes(
                new Event.ContextAdded("default", ".ctx1"),
                "{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".ctx1\",\"magic\":0}",
                "{\"tenant\":\"default\",\"context\":\".ctx1\"}");
    }

    @Test
    void shouldRoundTripEveryEventType() {
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            Event event = TopologyFixtures.oneOf(type);
            byte[] key = codec.encodeKey(event);
            assertThat(codec.decode(key, codec.encodeValue(event)))
                    .as(type.getSimpleName())
                    .isEqualTo(event);
        }
    }

    @Test
    void shouldReadKarapaceGlobalConfigKeyAndLegacyValue() {
        // when
        Event event = codec.decode(
                bytes("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}"),
                bytes("{\"compatibilityLevel\":\"FULL\"}"));

        // then
        assertThat(event).isEqualTo(new Event.ConfigSet(null, ConfigValue.of(CompatibilityLevel.FULL)));
    }

    @Test
    void shouldTakeLegacyConfigAndModeSubjectFromTheKey() {
        assertThat(codec.decode(
                        bytes("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}"),
                        bytes("{\"compatibilityLevel\":\"forward\"}")))
                .isEqualTo(new Event.ConfigSet("s", ConfigValue.of(CompatibilityLevel.FORWARD)));
        assertThat(codec.decode(
                        bytes("{\"magic\":0,\"subject\":\"s\",\"keytype\":\"MODE\"}"),
                        bytes("{\"mode\":\"READONLY\"}")))
                .isEqualTo(new Event.ModeSet("s", Mode.READONLY));
    }

    @Test
    void shouldReadAnyKeyOrderUnknownPropertiesAndMagicZeroSchemaKeys() {
        // when
        Event event = codec.decode(
                bytes("{\"magic\":0,\"version\":1,\"subject\":\"s\",\"keytype\":\"SCHEMA\",\"extra\":true}"),
                bytes(
                        "{\"offset\":12,\"schema\":\"\\\"string\\\"\",\"id\":3,\"ts\":99,\"subject\":\"s\",\"version\":1}"));

        // then
        assertThat(event)
                .isEqualTo(new Event.SchemaUpserted(
                        new SchemaVersion("s", 1, 3, SchemaType.AVRO, "\"string\"", List.of(), null, null, false)));
    }

    @Test
    void shouldReadKarapaceSchemaValueWithNullReferences() {
        // when
        Event event = codec.decode(
                bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":2,\"magic\":1}"),
                bytes("{\"subject\":\"s\",\"version\":2,\"id\":4,\"schema\":\"{}\",\"deleted\":true,"
                        + "\"schemaType\":\"JSON\",\"references\":null}"));

        // then
        assertThat(event)
                .isEqualTo(new Event.SchemaUpserted(
                        new SchemaVersion("s", 2, 4, SchemaType.JSON, "{}", List.of(), null, null, true)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not json",
                "[1,2]",
                "{\"keytype\":\"SCHEMA\"",
                "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":2}",
                "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":\"1\"}",
                "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"magic\":1}",
                "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}trailing",
                "{\"keytype\":\"WHAT\",\"magic\":0}",
                "{\"magic\":0}",
                "{\"keytype\":\"DELETE_SUBJECT\",\"magic\":0}"
            })
    void shouldSkipMalformedKeys(String key) {
        assertThat(codec.decode(bytes(key), bytes("{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"{}\"}")))
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "{",
                "\"text\"",
                "{\"subject\":\"s\",\"version\":1,\"schema\":\"{}\"}",
                "{\"subject\":\"s\",\"version\":1,\"id\":\"one\",\"schema\":\"{}\"}",
                "{\"subject\":\"s\",\"version\":1,\"id\":1}",
                "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"{}\",\"schemaType\":\"XML\"}",
                "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"{}\",\"references\":[{\"name\":\"x\"}]}"
            })
    void shouldSkipMalformedSchemaValues(String value) {
        assertThat(codec.decode(
                        bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}"), bytes(value)))
                .isNull();
    }

    @Test
    void shouldSkipNullKeysUnknownLevelsAndModesAndValuelessDeletes() {
        assertThat(codec.decode(null, null)).isNull();
        assertThat(codec.decode(
                        bytes("{\"keytype\":\"CONFIG\",\"magic\":0}"), bytes("{\"compatibilityLevel\":\"SOME\"}")))
                .isNull();
        assertThat(codec.decode(bytes("{\"keytype\":\"MODE\",\"magic\":0}"), bytes("{\"mode\":\"SLEEPY\"}")))
                .isNull();
        assertThat(codec.decode(bytes("{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"s\",\"magic\":0}"), null))
                .isNull();
    }
}
