package dev.castle.serdes.kafka;

import static dev.castle.serdes.kafka.CastleAvroSerializerTest.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.serdes.InMemoryRegistry;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class CastleAvroDeserializerTest {
    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final CastleAvroSerializer serializer = new CastleAvroSerializer(registry);

    @Test
    void shouldReadAGenericRecordBackAndFetchItsSchemaOnce() {
        CastleAvroDeserializer deserializer = new CastleAvroDeserializer(registry);
        byte[] bytes = serializer.serialize("users", user(7, "ada"));

        Object first = deserializer.deserialize("users", bytes);
        Object second = deserializer.deserialize("users", bytes);

        assertThat(first).isInstanceOf(GenericRecord.class).isEqualTo(user(7, "ada"));
        assertThat(second).isEqualTo(first);
        assertThat(registry.lookupsById()).isEqualTo(1);
    }

    @Test
    void shouldReadPrimitivesAsJavaTypes() {
        CastleAvroDeserializer deserializer = new CastleAvroDeserializer(registry);

        assertThat(deserializer.deserialize("t", serializer.serialize("t", "hi")))
                .isEqualTo("hi");
        assertThat(deserializer.deserialize("t", serializer.serialize("t", 42))).isEqualTo(42);
        assertThat(deserializer.deserialize("t", serializer.serialize("t", new byte[] {1, 2})))
                .isEqualTo(new byte[] {1, 2});
        assertThat(deserializer.deserialize("t", null)).isNull();
    }

    @Test
    void shouldReadIntoTheGeneratedClassWithTheSpecificReader() {
        CastleAvroDeserializer deserializer = new CastleAvroDeserializer(registry);
        deserializer.configure(Map.of("specific.avro.reader", "true"), false);

        Object read = deserializer.deserialize("payments", serializer.serialize("payments", new Payment("p1", 2.5)));

        assertThat(read).isInstanceOfSatisfying(Payment.class, payment -> {
            assertThat(payment.id()).isEqualTo("p1");
            assertThat(payment.amount()).isEqualTo(2.5);
        });
    }

    @Test
    void shouldRefuseBytesThatAreNotConfluentsWireFormat() {
        CastleAvroDeserializer deserializer = new CastleAvroDeserializer(registry);

        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessage("Unknown magic byte!");
        assertThatThrownBy(() -> deserializer.deserialize("t", new byte[] {0, 0, 0, 0, 9, 2}))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Schema 9 not found");
    }

    @Test
    void shouldRoundTripThroughTheSerde() {
        Serde<Object> serde = new CastleAvroSerde(registry);
        serde.configure(Map.of("schema.registry.url", "http://unused"), true);

        byte[] bytes = serde.serializer().serialize("users", user(1, "k"));

        assertThat(serde.deserializer().deserialize("users", bytes)).isEqualTo(user(1, "k"));
        assertThat(registry.subjects()).containsExactly("users-key");
    }
}
