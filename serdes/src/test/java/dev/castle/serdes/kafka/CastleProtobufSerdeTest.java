package dev.castle.serdes.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import dev.castle.domain.SchemaType;
import dev.castle.proto.ProtoFile;
import dev.castle.serdes.InMemoryRegistry;
import dev.castle.serdes.SchemaRegistryPort.Reference;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import dev.castle.serdes.SchemaRegistryPort.SubjectSchema;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;

class CastleProtobufSerdeTest {
    private static final String COMMON =
            "syntax = \"proto3\";\npackage acme.common;\nmessage Money { string currency = 1; int64 units = 2; }\n";
    private static final String ORDERS = "syntax = \"proto3\";\npackage acme;\n"
            + "import \"acme/common.proto\";\nimport \"google/protobuf/timestamp.proto\";\n"
            + "message Order {\n  string id = 1;\n  acme.common.Money total = 2;\n  google.protobuf.Timestamp at = 3;\n"
            + "  message Line { string sku = 1; }\n  message Note { string text = 1; }\n}\n";
    private static final FileDescriptor FILE =
            ProtoFile.parse(ORDERS, Map.of("acme/common.proto", COMMON)).fileDescriptor();
    private static final Descriptor ORDER = FILE.findMessageTypeByName("Order");

    private final InMemoryRegistry registry = new InMemoryRegistry();

    private static DynamicMessage order(String id) {
        return DynamicMessage.newBuilder(ORDER)
                .setField(ORDER.findFieldByName("id"), id)
                .build();
    }

    private static DynamicMessage note(String text) {
        Descriptor note = ORDER.findNestedTypeByName("Note");
        return DynamicMessage.newBuilder(note)
                .setField(note.findFieldByName("text"), text)
                .build();
    }

    @Test
    void shouldWriteTheHeaderThenTheSingleZeroIndexOfTheFirstMessage() {
        DynamicMessage order = order("o-1");

        byte[] bytes = new CastleProtobufSerializer<DynamicMessage>(registry).serialize("orders", order);

        // acme/common.proto is registered first as id 1; the order's file is id 2
        assertThat(Arrays.copyOf(bytes, 6)).containsExactly(0, 0, 0, 0, 2, 0);
        assertThat(Arrays.copyOfRange(bytes, 6, bytes.length)).isEqualTo(order.toByteArray());
    }

    @Test
    void shouldWriteTheZigZagIndexPathOfANestedMessage() {
        DynamicMessage note = note("hi");

        byte[] bytes = new CastleProtobufSerializer<DynamicMessage>(registry).serialize("orders", note);

        // path [0, 1]: count 2 and indexes 0, 1, each zig-zag encoded
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0, 0, 0, 0, 2, 4, 0, 2);
        assertThat(Arrays.copyOfRange(bytes, 8, bytes.length)).isEqualTo(note.toByteArray());
    }

    @Test
    void shouldRegisterImportsAsReferencesUnderTheirPathsButNotWellKnownOnes() {
        new CastleProtobufSerializer<DynamicMessage>(registry).serialize("orders", order("o-1"));

        SubjectSchema common = registry.version("acme/common.proto", 1).orElseThrow();
        RegisteredSchema orders =
                registry.version("orders-value", 1).orElseThrow().schema();
        assertThat(common.schema().type()).isEqualTo(SchemaType.PROTOBUF);
        assertThat(common.schema().schema()).contains("message Money");
        assertThat(orders.references()).containsExactly(new Reference("acme/common.proto", "acme/common.proto", 1));
        assertThat(orders.schema()).contains("import \"acme/common.proto\"").contains("message Order");
        assertThat(registry.subjects()).containsExactly("acme/common.proto", "orders-value");
    }

    @Test
    void shouldReadADynamicMessageOfTheMessageTheIndexesName() {
        byte[] bytes = new CastleProtobufSerializer<DynamicMessage>(registry).serialize("orders", note("hi"));

        Message read = new CastleProtobufDeserializer<>(registry, null).deserialize("orders", bytes);

        assertThat(read.getDescriptorForType().getFullName()).isEqualTo("acme.Order.Note");
        assertThat(read.toByteArray()).isEqualTo(note("hi").toByteArray());
    }

    @Test
    void shouldRoundTripAGeneratedMessageThroughTheSerde() {
        Timestamp at =
                Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(5).build();
        Serde<Timestamp> serde = new CastleProtobufSerde<>(registry, Timestamp.class);

        byte[] bytes = serde.serializer().serialize("ticks", at);

        assertThat(serde.deserializer().deserialize("ticks", bytes)).isEqualTo(at);
        assertThat(registry.version("ticks-value", 1).orElseThrow().schema().schema())
                .contains("message Timestamp");
    }

    @Test
    void shouldReadIntoTheClassTheConfigurationNames() {
        Timestamp at = Timestamp.newBuilder().setSeconds(9).build();
        byte[] bytes = new CastleProtobufSerializer<Timestamp>(registry).serialize("ticks", at);
        CastleProtobufDeserializer<Timestamp> deserializer = new CastleProtobufDeserializer<>(registry, null);
        deserializer.configure(Map.of("specific.protobuf.value.type", Timestamp.class.getName()), false);

        assertThat(deserializer.deserialize("ticks", bytes)).isEqualTo(at);
    }

    @Test
    void shouldNameTheSubjectByTheMessagesFullName() {
        CastleProtobufSerializer<DynamicMessage> serializer = new CastleProtobufSerializer<>(registry);
        serializer.configure(Map.of("value.subject.name.strategy", "TopicRecordNameStrategy"), false);

        serializer.serialize("orders", note("n"));

        assertThat(registry.subjects()).contains("orders-acme.Order.Note");
    }

    @Test
    void shouldRefuseAnUnregisteredSchemaWhenAutoRegisterIsOff() {
        CastleProtobufSerializer<DynamicMessage> serializer = new CastleProtobufSerializer<>(registry);
        serializer.configure(Map.of("auto.register.schemas", "false"), false);

        assertThatThrownBy(() -> serializer.serialize("orders", order("o")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not registered under subject 'acme/common.proto'");
    }

    @Test
    void shouldWriteWithTheLatestVersionsIdAndIndexes() {
        String reordered = "syntax = \"proto3\";\npackage acme;\nmessage Other { int32 x = 1; }\n"
                + "message Order { string id = 1; message Note { string text = 1; } }\n";
        int latest = registry.register("orders-value", RegisteredSchema.of(SchemaType.PROTOBUF, reordered));
        CastleProtobufSerializer<DynamicMessage> serializer = new CastleProtobufSerializer<>(registry);
        serializer.configure(Map.of("auto.register.schemas", false, "use.latest.version", true), false);
        registry.register("acme/common.proto", RegisteredSchema.of(SchemaType.PROTOBUF, COMMON));

        byte[] bytes = serializer.serialize("orders", note("n"));

        // Order is the second message of the latest schema, so the note's path is [1, 0]
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0, 0, 0, 0, latest, 4, 2, 0);
    }
}
