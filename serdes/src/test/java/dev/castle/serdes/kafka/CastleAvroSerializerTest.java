package dev.castle.serdes.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.SchemaType;
import dev.castle.serdes.InMemoryRegistry;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class CastleAvroSerializerTest {
    static final Schema USER = new Schema.Parser()
            .parse("{\"type\":\"record\",\"name\":\"User\",\"namespace\":\"com.acme\",\"fields\":["
                    + "{\"name\":\"id\",\"type\":\"int\"},{\"name\":\"name\",\"type\":\"string\"}]}");

    private final InMemoryRegistry registry = new InMemoryRegistry();

    static GenericRecord user(int id, String name) {
        GenericData.Record record = new GenericData.Record(USER);
        record.put("id", id);
        record.put("name", name);
        return record;
    }

    private CastleAvroSerializer serializer(Map<String, ?> configs, boolean isKey) {
        CastleAvroSerializer serializer = new CastleAvroSerializer(registry);
        serializer.configure(configs, isKey);
        return serializer;
    }

    @Test
    void shouldWriteMagicByteBigEndianIdAndAvroBinary() {
        registry.register("other", RegisteredSchema.of(SchemaType.AVRO, "\"int\""));

        byte[] bytes = serializer(Map.of(), false).serialize("users", user(5, "ab"));

        // id 2 (the registry's second schema); int 5 zig-zags to 10; "ab" is length 2 (zig-zag 4) then its bytes
        assertThat(bytes).containsExactly(0, 0, 0, 0, 2, 10, 4, 'a', 'b');
    }

    @Test
    void shouldWritePrimitivesAsConfluentDoesWithBytesRaw() {
        CastleAvroSerializer serializer = serializer(Map.of(), false);

        assertThat(serializer.serialize("t", "hi")).containsExactly(0, 0, 0, 0, 1, 4, 'h', 'i');
        assertThat(serializer.serialize("t", 1L)).containsExactly(0, 0, 0, 0, 2, 2);
        assertThat(serializer.serialize("t", new byte[] {7, 8, 9})).containsExactly(0, 0, 0, 0, 3, 7, 8, 9);
        assertThat(serializer.serialize("t", null)).isNull();
        assertThat(registry.schemaById(1)).contains(RegisteredSchema.of(SchemaType.AVRO, "\"string\""));
    }

    @Test
    void shouldRegisterUnderTheTopicKeyOrValueSubjectByDefault() {
        serializer(Map.of(), false).serialize("users", user(1, "a"));
        serializer(Map.of(), true).serialize("users", "k");

        assertThat(registry.subjects()).containsExactly("users-key", "users-value");
        assertThat(registry.version("users-value", 1).orElseThrow().schema().schema())
                .isEqualTo(USER.toString());
    }

    @Test
    void shouldNameSubjectsByRecordWithConfluentsOrShortStrategyNames() {
        serializer(
                        Map.of(
                                "value.subject.name.strategy",
                                "io.confluent.kafka.serializers.subject.RecordNameStrategy"),
                        false)
                .serialize("users", user(1, "a"));
        serializer(Map.of("key.subject.name.strategy", "TopicRecordNameStrategy"), true)
                .serialize("users", user(1, "a"));

        assertThat(registry.subjects()).containsExactly("com.acme.User", "users-com.acme.User");
    }

    @Test
    void shouldRefuseARecordNameStrategyForAPrimitive() {
        CastleAvroSerializer serializer =
                serializer(Map.of("value.subject.name.strategy", "RecordNameStrategy"), false);

        assertThatThrownBy(() -> serializer.serialize("t", "text"))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("must only be a record schema");
    }

    @Test
    void shouldRefuseAnUnregisteredSchemaWhenAutoRegisterIsOff() {
        CastleAvroSerializer serializer = serializer(Map.of("auto.register.schemas", "false"), false);

        assertThatThrownBy(() -> serializer.serialize("users", user(1, "a")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered under subject 'users-value'");
        assertThat(registry.subjects()).isEmpty();
    }

    @Test
    void shouldUseTheRegisteredIdWhenAutoRegisterIsOff() {
        registry.register("other", RegisteredSchema.of(SchemaType.AVRO, "\"int\""));
        int id = registry.register("users-value", RegisteredSchema.of(SchemaType.AVRO, USER.toString()));

        byte[] bytes = serializer(Map.of("auto.register.schemas", false), false).serialize("users", user(1, "a"));

        assertThat(bytes[4]).isEqualTo((byte) id);
    }

    @Test
    void shouldWriteWithTheLatestVersionWhenAskedTo() {
        registry.register("users-value", RegisteredSchema.of(SchemaType.AVRO, USER.toString()));
        String documented = USER.toString().replace("\"name\":\"User\"", "\"name\":\"User\",\"doc\":\"v2\"");
        int latest = registry.register("users-value", RegisteredSchema.of(SchemaType.AVRO, documented));
        Map<String, Object> configs = new HashMap<>();
        configs.put("auto.register.schemas", false);
        configs.put("use.latest.version", true);

        byte[] bytes = serializer(configs, false).serialize("users", user(3, "c"));

        assertThat(bytes).containsExactly(0, 0, 0, 0, latest, 6, 2, 'c');
    }

    @Test
    void shouldRefuseALatestVersionThatCannotReadTheValueWhenStrict() {
        String wider = USER.toString().replace("]}", ",{\"name\":\"email\",\"type\":\"string\"}]}");
        registry.register("users-value", RegisteredSchema.of(SchemaType.AVRO, wider));
        Map<String, Object> configs = Map.of("auto.register.schemas", false, "use.latest.version", true);

        assertThatThrownBy(() -> serializer(configs, false).serialize("users", user(3, "c")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("latest.compatibility.strict");
    }
}
