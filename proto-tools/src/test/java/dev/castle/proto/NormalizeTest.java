package dev.castle.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NormalizeTest {

    @Test
    void shouldNormalizeReorderedSchemasToOneText() {
        // given two spellings of one schema: imports, options, fields and names in another order and form
        Map<String, String> deps = Map.of(
                "a.proto", "syntax = \"proto3\"; package a; message A { int32 x = 1; }",
                "b.proto", "syntax = \"proto3\"; package b; message B { int32 y = 1; }");
        String first = "syntax = \"proto3\"; package shop; import \"a.proto\"; import \"b.proto\";"
                + " option java_package = \"x\"; option java_multiple_files = true;"
                + " message M { a.A one = 1; .b.B two = 2; Inner three = 3; message Inner { } }";
        String second = "syntax = \"proto3\"; package shop; import \"b.proto\"; import \"a.proto\";"
                + " option java_multiple_files = true; option java_package = \"x\";"
                + " message M { shop.M.Inner three = 3; b.B two = 2; .a.A one = 1; message Inner { } }";

        // when
        String one = ProtoFile.parse(first, deps).normalizedText();
        String two = ProtoFile.parse(second, deps).normalizedText();

        // then
        assertThat(two).isEqualTo(one);
        assertThat(one)
                .contains("  .a.A one = 1;\n  .b.B two = 2;\n  .shop.M.Inner three = 3;")
                .contains("import \"a.proto\";\nimport \"b.proto\";")
                .contains("option java_multiple_files = true;\noption java_package = \"x\";");
    }

    @Test
    void shouldBeIdempotent() {
        // given a normalized schema
        ProtoFile once = ProtoFile.parse(RichSchemas.PROTO3).normalize();

        // when normalized again
        ProtoFile twice = once.normalize();

        // then nothing changes
        assertThat(twice.canonicalText()).isEqualTo(once.canonicalText());
        assertThat(twice.normalizedText()).isEqualTo(once.normalizedText());
        assertThat(once.canonicalText()).isEqualTo(once.normalizedText());
    }

    @Test
    void shouldBeIdempotentForProto2AndSerializedInput() {
        for (String text : new String[] {
            RichSchemas.PROTO2, ProtoFile.parse(RichSchemas.PROTO3).serialized()
        }) {
            // given
            ProtoFile once = ProtoFile.parse(text).normalize();

            // when / then
            assertThat(once.normalize().normalizedText()).isEqualTo(once.normalizedText());
        }
    }

    @Test
    void shouldSortOneofsFieldsReservedAndFieldOptions() {
        // given
        String text = "syntax = \"proto3\"; message M { reserved 9, 3 to 4; reserved \"z\";"
                + " oneof second { string d = 6; string c = 5; } oneof first { string b = 2; string a = 1; }"
                + " repeated int32 n = 7 [packed = true, deprecated = true, json_name = \"num\"]; }";

        // when
        String normalized = ProtoFile.parse(text).normalizedText();

        // then
        assertThat(normalized)
                .contains("reserved 3 to 4;\n  reserved 9;\n  reserved \"z\";")
                .contains("oneof first {\n    string a = 1;\n    string b = 2;\n  }\n  oneof second {")
                .contains("[\n    deprecated = true,\n    json_name = \"num\",\n    packed = true\n  ];");
    }
}
