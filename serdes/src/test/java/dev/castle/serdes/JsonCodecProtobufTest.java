package dev.castle.serdes;

import static dev.castle.serdes.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.domain.SchemaType;
import dev.castle.serdes.SchemaRegistryPort.Reference;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonCodecProtobufTest {
    private static final String SENSOR =
            """
            syntax = "proto3";
            message Message {
              int32 query = 1;
              Enum speed = 2;
            }
            enum Enum {
              HIGH = 0;
              MIDDLE = 1;
            }
            """;
    private static final String ADDRESS =
            """
            syntax = "proto3";
            package acme.common;
            message Address {
              string city = 1;
            }
            """;
    private static final String ORDER =
            """
            syntax = "proto3";
            package acme.shop;
            import "acme/common/address.proto";
            message Order {
              string id = 1;
              acme.common.Address ship_to = 2;
              repeated Line lines = 3;
              int64 total = 4;
              Status status = 5;
              map<string, uint64> counts = 6;
              bytes tag = 7;
              message Line {
                string sku = 1;
                int32 qty = 2;
              }
              enum Status {
                NEW = 0;
                PAID = 1;
              }
            }
            message Other {
              string note = 1;
            }
            """;

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final JsonCodec codec = new JsonCodec(registry);

    private int register(String subject, String schema) {
        return registry.register(subject, RegisteredSchema.of(SchemaType.PROTOBUF, schema));
    }

    private int registerOrder() {
        register("address", ADDRESS);
        return registry.register(
                "orders-value",
                new RegisteredSchema(
                        SchemaType.PROTOBUF, ORDER, List.of(new Reference("acme/common/address.proto", "address", 1))));
    }

    private String roundTrip(int id, JsonNode value) {
        return codec.decode(SchemaType.PROTOBUF, codec.encode(SchemaType.PROTOBUF, id, value))
                .value()
                .toString();
    }

    private static SerdesException.Kind kind(Throwable e) {
        return ((SerdesException) e).kind();
    }

    @Test
    void shouldFrameTheFirstMessageWithASingleZeroIndexByte() {
        int id = register("m-value", "syntax = \"proto3\"; message M { int32 a = 1; }");

        byte[] framed = codec.encode(SchemaType.PROTOBUF, id, json("{'a':1}"));

        // 0, id 1 big-endian, message-index path [0] as one 0 byte, field 1 as varint (tag 0x08), value 1
        assertThat(framed).containsExactly(0, 0, 0, 0, 1, 0, 0x08, 0x01);
    }

    @Test
    void shouldRoundTripWithProtoFieldNamesAndDefaults() {
        int id = register("sensor-value", SENSOR);

        assertThat(roundTrip(id, json("{'query':5,'speed':'HIGH'}"))).isEqualTo("{\"query\":5,\"speed\":\"HIGH\"}");
        assertThat(roundTrip(id, json("{'query':10,'speed':'MIDDLE'}")))
                .isEqualTo("{\"query\":10,\"speed\":\"MIDDLE\"}");
        assertThat(roundTrip(id, json("{}"))).isEqualTo("{\"query\":0,\"speed\":\"HIGH\"}");
    }

    @Test
    void shouldRoundTripImportedAndNestedMessages() {
        int id = registerOrder();
        JsonNode order = json("{'id':'o1','ship_to':{'city':'Oslo'},'lines':[{'sku':'x','qty':2}],"
                + "'total':12345678901,'status':'PAID','counts':{'a':18446744073709551615},'tag':'AQI='}");

        assertThat(roundTrip(id, order)).isEqualTo(order.toString());
    }

    @Test
    void shouldAcceptJsonNamesOnProduce() {
        int id = registerOrder();

        assertThat(json(roundTrip(id, json("{'shipTo':{'city':'Oslo'}}"))).get("ship_to"))
                .isEqualTo(json("{'city':'Oslo'}"));
    }

    @Test
    void shouldReadANestedMessageNamedByItsIndexPath() {
        int id = registerOrder();
        // Order.Line {sku: "x", qty: 2}: field 1 length-delimited "x", field 2 varint 2
        byte[] line = {0x0A, 1, 'x', 0x10, 2};

        JsonCodec.Decoded decoded = codec.decode(SchemaType.PROTOBUF, WireFormat.frame(id, List.of(0, 0), line));

        assertThat(decoded.value()).isEqualTo(json("{'sku':'x','qty':2}"));
    }

    @Test
    void shouldRefuseIndexPathsThatNameNoMessage() {
        int id = registerOrder();

        assertThatThrownBy(() -> codec.decode(SchemaType.PROTOBUF, WireFormat.frame(id, List.of(5), new byte[0])))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SerdesException.Kind.BAD_FRAME))
                .hasMessageContaining("[5]");
    }

    @Test
    void shouldRefuseBytesThatAreNotTheMessage() {
        int id = register("sensor-value", SENSOR);

        assertThatThrownBy(
                        () -> codec.decode(SchemaType.PROTOBUF, WireFormat.frame(id, List.of(0), new byte[] {0x0A, 9})))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SerdesException.Kind.BAD_FRAME));
    }

    @Test
    void shouldRejectJsonThatDoesNotMapOntoTheMessage() {
        int id = register("sensor-value", SENSOR);

        for (String value : List.of("{'query':'STR','speed':99}", "{'xx':10,'bb':'MIDDLE'}", "[1]", "'text'")) {
            assertThatThrownBy(() -> codec.encode(SchemaType.PROTOBUF, id, json(value)))
                    .satisfies(e -> assertThat(kind(e)).isEqualTo(SerdesException.Kind.DATA_MISMATCH));
        }
    }

    @Test
    void shouldAnswerThePackageQualifiedFirstMessage() {
        assertThat(codec.recordName(registerOrder())).contains("acme.shop.Order");
        assertThat(codec.recordName(register("sensor-value", SENSOR))).contains("Message");
        assertThat(codec.check(RegisteredSchema.of(SchemaType.PROTOBUF, "syntax = \"proto3\"; enum E { A = 0; }")))
                .isEmpty();
    }

    @Test
    void shouldCheckSchemasWithTheirReferences() {
        register("address", ADDRESS);
        RegisteredSchema order = new RegisteredSchema(
                SchemaType.PROTOBUF, ORDER, List.of(new Reference("acme/common/address.proto", "address", 1)));
        RegisteredSchema withoutReference = RegisteredSchema.of(SchemaType.PROTOBUF, ORDER);

        assertThat(codec.check(order)).contains("acme.shop.Order");
        assertThatThrownBy(() -> codec.check(withoutReference))
                .satisfies(e -> assertThat(kind(e)).isEqualTo(SerdesException.Kind.INVALID_SCHEMA));
    }
}
