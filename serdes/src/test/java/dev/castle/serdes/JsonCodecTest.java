package dev.castle.serdes;

import static dev.castle.serdes.Json.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.SchemaType;
import dev.castle.serdes.SchemaRegistryPort.Reference;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** What JsonCodec does the same way for every format: ids, types, frames, schema checks and the cache. */
class JsonCodecTest {
    private static final String AVRO =
            "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}";

    private final InMemoryRegistry registry = new InMemoryRegistry();
    private final JsonCodec codec = new JsonCodec(registry);

    private static void assertKind(ThrowingCallable call, SerdesException.Kind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SerdesException.class, e -> assertThat(e.kind())
                .isEqualTo(kind));
    }

    @Test
    void shouldAnswerUnknownSchemaForAnIdTheRegistryDoesNotHave() {
        assertKind(() -> codec.encode(SchemaType.AVRO, 666, json("{}")), SerdesException.Kind.UNKNOWN_SCHEMA);
        assertKind(
                () -> codec.decode(SchemaType.AVRO, new byte[] {0, 0, 0, 2, (byte) 154, 2}),
                SerdesException.Kind.UNKNOWN_SCHEMA);
        assertKind(() -> codec.recordName(666), SerdesException.Kind.UNKNOWN_SCHEMA);
    }

    @Test
    void shouldAnswerInvalidSchemaWhenTheIdIsOfAnotherType() {
        int avro = registry.register("a-value", RegisteredSchema.of(SchemaType.AVRO, AVRO));
        byte[] framed = codec.encode(SchemaType.AVRO, avro, json("{'a':1}"));

        assertThatThrownBy(() -> codec.encode(SchemaType.PROTOBUF, avro, json("{'a':1}")))
                .isInstanceOfSatisfying(
                        SerdesException.class, e -> assertThat(e.kind()).isEqualTo(SerdesException.Kind.INVALID_SCHEMA))
                .hasMessage("Schema 1 is of type AVRO, not PROTOBUF");
        assertKind(() -> codec.decode(SchemaType.JSON, framed), SerdesException.Kind.INVALID_SCHEMA);
    }

    @Test
    void shouldAnswerBadFrameForAWrongMagicByte() {
        int avro = registry.register("a-value", RegisteredSchema.of(SchemaType.AVRO, AVRO));
        byte[] framed = codec.encode(SchemaType.AVRO, avro, json("{'a':1}"));
        framed[0] = 1;

        for (SchemaType type : SchemaType.values()) {
            assertKind(() -> codec.decode(type, framed), SerdesException.Kind.BAD_FRAME);
            assertKind(() -> codec.decode(type, "test".getBytes()), SerdesException.Kind.BAD_FRAME);
        }
    }

    @Test
    void shouldRefuseSchemasThatDoNotParse() {
        List<RegisteredSchema> invalid = List.of(
                RegisteredSchema.of(SchemaType.AVRO, "{\"type\":\"record\",\"name\":\"R\"}"),
                RegisteredSchema.of(SchemaType.AVRO, "string"),
                RegisteredSchema.of(
                        SchemaType.AVRO,
                        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\",\"default\":\"x\"}]}"),
                RegisteredSchema.of(SchemaType.JSON, "{\"type\":"),
                RegisteredSchema.of(SchemaType.JSON, "{\"type\":\"no such type\"}"),
                RegisteredSchema.of(
                        SchemaType.PROTOBUF, "o3\" opti -- om.codingharbour; message Message { int32 speed =; }"),
                RegisteredSchema.of(SchemaType.PROTOBUF, ""));

        for (RegisteredSchema schema : invalid) {
            assertKind(() -> codec.check(schema), SerdesException.Kind.INVALID_SCHEMA);
        }
    }

    @Test
    void shouldRefuseReferencesThatNameNoSchemaOrGoRoundInACircle() {
        RegisteredSchema dangling = new RegisteredSchema(SchemaType.AVRO, AVRO, List.of(new Reference("X", "nope", 1)));
        registry.register(
                "loop",
                new RegisteredSchema(
                        SchemaType.PROTOBUF, "syntax = \"proto3\";", List.of(new Reference("a", "loop", 1))));
        RegisteredSchema circular = new RegisteredSchema(
                SchemaType.PROTOBUF, "syntax = \"proto3\";", List.of(new Reference("b", "loop", 1)));

        assertThatThrownBy(() -> codec.check(dangling)).hasMessageContaining("subject 'nope' version 1 not found");
        assertThatThrownBy(() -> codec.check(circular)).hasMessageContaining("Circular");
    }

    @Test
    void shouldParseTheSchemaOfAnIdOnce() {
        int id = registry.register("a-value", RegisteredSchema.of(SchemaType.AVRO, AVRO));

        for (int i = 0; i < 5; i++) {
            codec.decode(SchemaType.AVRO, codec.encode(SchemaType.AVRO, id, json("{'a':" + i + "}")));
        }
        codec.recordName(id);

        assertThat(registry.lookupsById()).isEqualTo(1);
    }

    @Test
    void shouldServeConcurrentCallersTheSameAnswers() throws Exception {
        int id = registry.register("a-value", RegisteredSchema.of(SchemaType.AVRO, AVRO));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = pool.invokeAll(Collections.nCopies(
                    64, () -> codec.decode(SchemaType.AVRO, codec.encode(SchemaType.AVRO, id, json("{'a':7}")))
                            .value()
                            .toString()));
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo("{\"a\":7}");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
