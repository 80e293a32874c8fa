package dev.castle.domain.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.SchemaType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every standard format answers hostile nesting with an invalid schema instead of a stack overflow. */
class GuardedFormatTest {
    private static final int DEPTH = 20_000;

    private final SchemaFormats formats = SchemaFormats.standard();

    private static String nestedJsonSchema() {
        return "{\"items\":".repeat(DEPTH) + "{}" + "}".repeat(DEPTH);
    }

    private static String nestedAvro() {
        return "{\"type\":\"array\",\"items\":".repeat(DEPTH) + "\"int\"" + "}".repeat(DEPTH);
    }

    private static String nestedProto() {
        return "syntax = \"proto3\";" + "message M {".repeat(DEPTH) + "}".repeat(DEPTH);
    }

    @Test
    void shouldTurnAStackOverflowIntoAnInvalidSchema() {
        SchemaFormat overflowing = new SchemaFormat() {
            @Override
            public SchemaType type() {
                return SchemaType.JSON;
            }

            @Override
            public ParsedSchema parse(String text, Map<String, String> references, boolean validate) {
                throw new StackOverflowError();
            }
        };

        assertThatThrownBy(() -> new GuardedFormat(overflowing).parse("{}", Map.of(), true))
                .isInstanceOf(SchemaParseException.class)
                .hasMessage("Invalid JSON schema: nested too deeply");
    }

    @Test
    void shouldRejectHostileNestingInEveryFormat() {
        assertThatThrownBy(() -> formats.of(SchemaType.JSON).parse(nestedJsonSchema(), Map.of(), true))
                .isInstanceOf(SchemaParseException.class);
        assertThatThrownBy(() -> formats.of(SchemaType.AVRO).parse(nestedAvro(), Map.of(), true))
                .isInstanceOf(SchemaParseException.class);
        assertThatThrownBy(() -> formats.of(SchemaType.PROTOBUF).parse(nestedProto(), Map.of(), true))
                .isInstanceOf(SchemaParseException.class);
    }

    @Test
    void shouldStillParseOrdinarySchemasAfterAnOverflow() {
        assertThatThrownBy(() -> formats.of(SchemaType.JSON).parse(nestedJsonSchema(), Map.of(), true))
                .isInstanceOf(SchemaParseException.class);

        assertThat(formats.of(SchemaType.JSON)
                        .parse("{\"type\":\"string\"}", Map.of(), true)
                        .canonical())
                .isEqualTo("{\"type\":\"string\"}");
    }
}
