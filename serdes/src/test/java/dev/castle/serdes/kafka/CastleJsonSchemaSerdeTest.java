package dev.castle.serdes.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.domain.SchemaType;
import dev.castle.serdes.InMemoryRegistry;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class CastleJsonSchemaSerdeTest {
    private static final String ORDER_SCHEMA = "{\"title\":\"com.acme.Order\",\"type\":\"object\",\"properties\":{"
            + "\"id\":{\"type\":\"integer\"},\"item\":{\"type\":\"string\"}},\"required\":[\"id\"]}";

    public record Order(int id, String item) {}

    private final InMemoryRegistry registry = new InMemoryRegistry();

    private static Map<String, Object> configs(Object... pairs) {
        Map<String, Object> configs = new HashMap<>();
        configs.put("json.value.schema", ORDER_SCHEMA);
        configs.put("json.value.type", Order.class.getName());
        for (int i = 0; i < pairs.length; i += 2) {
            configs.put((String) pairs[i], pairs[i + 1]);
        }
        return configs;
    }

    private <T> CastleJsonSchemaSerializer<T> serializer(Map<String, ?> configs) {
        CastleJsonSchemaSerializer<T> serializer = new CastleJsonSchemaSerializer<>(registry);
        serializer.configure(configs, false);
        return serializer;
    }

    @Test
    void shouldWriteUtf8JsonAfterTheHeaderAndReadItBackIntoTheValueType() {
        byte[] bytes = serializer(configs()).serialize("orders", new Order(1, "café"));
        CastleJsonSchemaDeserializer<Order> deserializer = new CastleJsonSchemaDeserializer<>(registry, null);
        deserializer.configure(configs(), false);

        assertThat(Arrays.copyOf(bytes, 5)).containsExactly(0, 0, 0, 0, 1);
        assertThat(new String(bytes, 5, bytes.length - 5, StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":1,\"item\":\"café\"}");
        assertThat(deserializer.deserialize("orders", bytes)).isEqualTo(new Order(1, "café"));
        assertThat(registry.version("orders-value", 1).orElseThrow().schema())
                .isEqualTo(RegisteredSchema.of(SchemaType.JSON, ORDER_SCHEMA));
    }

    @Test
    void shouldReadAJsonNodeWhenNoTypeIsGiven() throws Exception {
        byte[] bytes = serializer(configs()).serialize("orders", new Order(2, "tea"));

        JsonNode read = new CastleJsonSchemaDeserializer<JsonNode>(registry, null).deserialize("orders", bytes);

        assertThat(read).isEqualTo(new ObjectMapper().readTree("{\"id\":2,\"item\":\"tea\"}"));
    }

    @Test
    void shouldRefuseAValueThatDoesNotMatchItsSchemaUnlessToldNotToCheck() throws Exception {
        JsonNode invalid = new ObjectMapper().readTree("{\"item\":\"no id\"}");

        assertThatThrownBy(() -> serializer(configs()).serialize("orders", invalid))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("does not match JSON Schema 1")
                .hasMessageContaining("id");
        assertThat(serializer(configs("json.fail.invalid.schema", "false")).serialize("orders", invalid))
                .isNotNull();
    }

    @Test
    void shouldNameTheSubjectByTheSchemaTitle() {
        serializer(configs("value.subject.name.strategy", "RecordNameStrategy")).serialize("orders", new Order(1, "a"));

        assertThat(registry.subjects()).containsExactly("com.acme.Order");
    }

    @Test
    void shouldRefuseAnUnregisteredSchemaWhenAutoRegisterIsOff() {
        assertThatThrownBy(() ->
                        serializer(configs("auto.register.schemas", false)).serialize("orders", new Order(1, "a")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered");
    }

    @Test
    void shouldWriteWithTheLatestVersionWhenNoSchemaIsConfigured() {
        registry.register("other", RegisteredSchema.of(SchemaType.JSON, "{\"type\":\"string\"}"));
        int latest = registry.register("orders-value", RegisteredSchema.of(SchemaType.JSON, ORDER_SCHEMA));
        Map<String, Object> configs = Map.of("auto.register.schemas", false, "use.latest.version", true);

        byte[] bytes = serializer(configs).serialize("orders", new Order(3, "b"));

        assertThat(bytes[4]).isEqualTo((byte) latest);
    }

    @Test
    void shouldSayWhichKeyToSetWhenThereIsNoSchema() {
        assertThatThrownBy(() -> serializer(Map.of()).serialize("orders", new Order(1, "a")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("json.value.schema");
    }

    @Test
    void shouldRoundTripThroughTheSerde() {
        Serde<Order> serde = new CastleJsonSchemaSerde<>(registry, ORDER_SCHEMA, Order.class);

        byte[] bytes = serde.serializer().serialize("orders", new Order(4, "d"));

        assertThat(serde.deserializer().deserialize("orders", bytes)).isEqualTo(new Order(4, "d"));
    }
}
