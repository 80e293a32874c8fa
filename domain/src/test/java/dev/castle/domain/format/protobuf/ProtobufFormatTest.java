package dev.castle.domain.format.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.SchemaType;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.format.SchemaFormats;
import dev.castle.domain.format.SchemaParseException;
import dev.castle.proto.ProtoFile;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing, canonical text, normalization, formats and references of Protobuf schemas (spec §8.1–8.3). */
class ProtobufFormatTest {
    static final String ORDER = "syntax = \"proto3\";\npackage acme.v1;\n\nmessage Order {\n  int64 id = 1;\n"
            + "  repeated string tags = 2;\n}\n";
    private static final String ORDER_COMPACT =
            "syntax=\"proto3\"; package acme.v1; message Order{int64 id=1; repeated string tags=2;}";
    private static final String ORDER_COMMENTED = "// orders\nsyntax = \"proto3\";\n\npackage acme.v1;\n"
            + "/* an order */\nmessage Order {\n  int64 id = 1; // its id\n\n  repeated string tags = 2;\n}\n";

    private final ProtobufFormat protobuf = new ProtobufFormat();

    private ParsedSchema parse(String text) {
        return protobuf.parse(text, Map.of(), true);
    }

    @Test
    void shouldBeRegisteredAmongTheStandardFormats() {
        assertThat(SchemaFormats.standard().of(SchemaType.PROTOBUF)).isInstanceOf(ProtobufFormat.class);
        assertThat(parse(ORDER).type()).isEqualTo(SchemaType.PROTOBUF);
    }

    @Test
    void shouldStoreFormattingVariantsAsOneCanonicalText() {
        // when
        String compact = parse(ORDER_COMPACT).canonical();
        String commented = parse(ORDER_COMMENTED).canonical();

        // then
        assertThat(compact)
                .isEqualTo(commented)
                .isEqualTo(ProtoFile.parse(ORDER).canonicalText());
        assertThat(commented).doesNotContain("//").doesNotContain("/*");
    }

    @Test
    void shouldNormalizeIdempotently() {
        // given fields out of tag order and an unqualified type name
        String text = "syntax = \"proto3\"; package p; message M { N n = 2; string a = 1; } message N { int32 x = 1; }";

        // when
        ParsedSchema once = parse(text).normalize();
        ParsedSchema twice = parse(once.canonical()).normalize();

        // then
        assertThat(twice.canonical()).isEqualTo(once.canonical());
        assertThat(once.canonical().indexOf("a = 1"))
                .isLessThan(once.canonical().indexOf("n = 2"));
        assertThat(once.canonical()).contains(".p.N n = 2;");
    }

    @Test
    void shouldRenderSerializedDescriptorAndAcceptItBack() {
        // given
        ParsedSchema schema = parse(ORDER);

        // when
        String serialized = schema.render("serialized");
        ParsedSchema fromBase64 = parse(serialized);

        // then
        assertThat(serialized).matches("[A-Za-z0-9+/=]+");
        assertThat(fromBase64.canonical()).isEqualTo(schema.canonical());
        assertThat(fromBase64.render("serialized")).isEqualTo(serialized);
        assertThat(fromBase64.sameResolvedSchema(schema)).isTrue();
    }

    @Test
    void shouldRenderWithoutExtensionsWhenAsked() {
        // given a proto2 file with an extend block
        String text = "syntax = \"proto2\";\npackage p;\n\nmessage M {\n  optional int32 a = 1;\n"
                + "  extensions 100 to 200;\n}\nextend M {\n  optional string b = 100;\n}\n";
        ParsedSchema schema = parse(text);

        // when
        String withoutExtensions = schema.render("ignore_extensions");

        // then
        assertThat(schema.canonical()).contains("extend ");
        assertThat(withoutExtensions).doesNotContain("extend ").contains("optional int32 a = 1;");
    }

    @Test
    void shouldRenderCanonicalTextForUnknownFormats() {
        ParsedSchema schema = parse(ORDER_COMPACT);

        assertThat(schema.render("resolved")).isEqualTo(schema.canonical());
        assertThat(schema.render("")).isEqualTo(schema.canonical());
        assertThat(schema.render(null)).isEqualTo(schema.canonical());
    }

    @Test
    void shouldResolveImportsThroughAChainOfReferences() {
        // given C, B importing C, and A importing B, keyed by import path in dependency order
        Map<String, String> references = new LinkedHashMap<>();
        references.put("c.proto", "syntax = \"proto3\"; package c; message C { string v = 1; }");
        references.put("b.proto", "syntax = \"proto3\"; package b; import \"c.proto\"; message B { c.C c = 1; }");
        String a = "syntax = \"proto3\"; package a; import \"b.proto\"; message A { b.B b = 1; }";

        // when
        ParsedSchema schema = protobuf.parse(a, references, true);

        // then
        assertThat(schema.canonical()).contains("import \"b.proto\";").contains("b.B b = 1;");
        assertThat(schema.sameResolvedSchema(protobuf.parse(a, references, true)))
                .isTrue();
    }

    @Test
    void shouldResolveWellKnownImportsWithoutReferences() {
        String text = "syntax = \"proto3\"; import \"google/protobuf/timestamp.proto\";"
                + " message E { google.protobuf.Timestamp at = 1; }";

        assertThat(parse(text).canonical()).contains("import \"google/protobuf/timestamp.proto\";");
    }

    @Test
    void shouldRejectAMissingImport() {
        String text = "syntax = \"proto3\"; import \"other.proto\"; message E { other.O o = 1; }";

        assertThatThrownBy(() -> parse(text)).isInstanceOf(SchemaParseException.class);
    }

    @Test
    void shouldRejectInvalidAndEmptyText() {
        assertThatThrownBy(() -> parse("syntax = \"proto3\"; message {"))
                .isInstanceOf(SchemaParseException.class)
                .hasMessageContaining("Invalid Protobuf schema");
        assertThatThrownBy(() -> parse(" "))
                .isInstanceOf(SchemaParseException.class)
                .hasMessage("Empty schema");
        assertThatThrownBy(() -> parse(null)).isInstanceOf(SchemaParseException.class);
    }

    @Test
    void shouldTellSchemasWithDifferentImportedFilesApart() {
        // given one text importing two different versions of the same file
        String text = "syntax = \"proto3\"; import \"c.proto\"; message A { C c = 1; }";
        ParsedSchema first = protobuf.parse(text, Map.of("c.proto", "syntax = \"proto3\"; message C {}"), true);
        ParsedSchema second =
                protobuf.parse(text, Map.of("c.proto", "syntax = \"proto3\"; message C { int32 x = 1; }"), true);

        // then
        assertThat(first.canonical()).isEqualTo(second.canonical());
        assertThat(first.sameResolvedSchema(second)).isFalse();
        assertThat(first.sameResolvedSchema(parse(ORDER))).isFalse();
    }
}
