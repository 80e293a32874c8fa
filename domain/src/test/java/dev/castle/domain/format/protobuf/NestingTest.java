package dev.castle.domain.format.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.format.SchemaParseException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The nesting guard in front of the Protobuf parser. */
class NestingTest {

    private static String nested(int depth) {
        return "syntax = \"proto3\";" + "message M {".repeat(depth) + "}".repeat(depth);
    }

    @Test
    void shouldCountBracesOutsideStringsAndComments() {
        String text = "syntax = \"proto3\"; // {{{{\n/* { { { */ message M { string s = 1 [json_name = \"{{\"]; "
                + "message N { int32 x = 1; } }";

        assertThat(Nesting.depth(text)).isEqualTo(2);
        assertThat(Nesting.depth("message A { } message B { message C {} }")).isEqualTo(2);
        assertThat(Nesting.depth("option x = 'a\\'{';")).isZero();
    }

    @Test
    void shouldRefuseSchemasNestedBeyondTheLimitBeforeParsing() {
        ProtobufFormat format = new ProtobufFormat();

        assertThat(format.parse(nested(Nesting.MAX_DEPTH), Map.of(), true).canonical())
                .contains("message M {");
        assertThatThrownBy(() -> format.parse(nested(Nesting.MAX_DEPTH + 1), Map.of(), true))
                .isInstanceOf(SchemaParseException.class)
                .hasMessage("Invalid Protobuf schema: nested deeper than 200 levels");
        assertThatThrownBy(() -> format.parse(nested(50_000), Map.of(), true)).isInstanceOf(SchemaParseException.class);
    }
}
