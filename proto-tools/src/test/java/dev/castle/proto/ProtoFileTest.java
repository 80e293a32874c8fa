package dev.castle.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtoFileTest {

    private static final String CAR = "syntax = \"proto3\";\n\nmessage Car {\n  string make = 1;\n  string model = 2;\n"
            + "  int32 year = 3;\n}\n";

    @Test
    void shouldPrintConfluentLayoutForSimpleMessage() {
        // given a compact schema
        String text = "syntax=\"proto3\"; message Car { string make=1; string model=2; int32 year=3; }";

        // when
        String canonical = ProtoFile.parse(text).canonicalText();

        // then it prints as Confluent stores it
        assertThat(canonical).isEqualTo(CAR);
    }

    @Test
    void shouldPrintFormattingVariantsIdentically() {
        // given the same schema with comments, blank lines and option spacing
        String a = "syntax = \"proto3\";\npackage acme.v1;\noption java_package = \"com.acme\";\n"
                + "message Order { int64 id = 1; repeated int32 tags = 2 [packed=true]; }\n";
        String b = "// An order schema\nsyntax   =   \"proto3\" ;\n\npackage acme.v1 ;\n\n"
                + "option java_package=\"com.acme\";\n/* the order */\nmessage Order {\n"
                + "  int64 id = 1; // the id\n\n  repeated int32 tags = 2 [ packed = true ];\n}\n";

        // when
        String first = ProtoFile.parse(a).canonicalText();
        String second = ProtoFile.parse(b).canonicalText();

        // then
        assertThat(second).isEqualTo(first);
        assertThat(first).doesNotContain("//").contains("repeated int32 tags = 2 [packed = true];");
    }

    @Test
    void shouldKeepFieldOrderAsWrittenInCanonicalText() {
        // given fields written out of tag order
        String text = "syntax = \"proto3\"; message M { string b = 2; string a = 1; }";

        // when
        String canonical = ProtoFile.parse(text).canonicalText();

        // then
        assertThat(canonical.indexOf("string b = 2")).isLessThan(canonical.indexOf("string a = 1"));
    }

    @Test
    void shouldRoundTripRichProto3Schema() {
        // given a schema with nested types, oneofs, maps, enums, reserved ranges, options and a service
        String text = RichSchemas.PROTO3;

        // when printed and parsed again
        String once = ProtoFile.parse(text).canonicalText();
        String twice = ProtoFile.parse(once).canonicalText();

        // then printing is stable and keeps every construct
        assertThat(twice).isEqualTo(once);
        assertThat(once)
                .contains("package acme.shop;")
                .contains("import \"google/protobuf/timestamp.proto\";")
                .contains("map<string, Item> items = 4;")
                .contains("oneof payment {")
                .contains("reserved 8 to 10;")
                .contains("reserved \"legacy\";")
                .contains("optional string note = 11;")
                .contains("rpc Place (Order) returns (stream Order);")
                .contains("enum Status {");
    }

    @Test
    void shouldParseProto2WithGroupsExtensionsAndDefaults() {
        // given a proto2 schema
        String text = RichSchemas.PROTO2;

        // when
        ProtoFile file = ProtoFile.parse(text);

        // then
        assertThat(file.syntax()).isEqualTo("proto2");
        assertThat(file.canonicalText())
                .contains("required int32 id = 1;")
                .contains("optional string name = 2 [default = \"none\"];")
                .contains("extensions 100 to 199;")
                .contains("extend Legacy {")
                .contains("optional group Extra = 3 {");
        assertThat(ProtoFile.parse(file.canonicalText()).canonicalText()).isEqualTo(file.canonicalText());
    }

    @Test
    void shouldResolveImportsThroughDependenciesTransitively() {
        // given a schema importing a reference that itself imports another
        Map<String, String> deps = Map.of(
                "common/money.proto",
                "syntax = \"proto3\"; package common; import \"common/currency.proto\";"
                        + " message Money { int64 units = 1; Currency currency = 2; }",
                "common/currency.proto",
                "syntax = \"proto3\"; package common; enum Currency { EUR = 0; USD = 1; }");
        String text = "syntax = \"proto3\"; package shop; import \"common/money.proto\";"
                + " message Price { common.Money amount = 1; }";

        // when
        ProtoFile file = ProtoFile.parse(text, deps);

        // then the field type is linked to the referenced message
        assertThat(file.fileDescriptor()
                        .findMessageTypeByName("Price")
                        .findFieldByName("amount")
                        .getMessageType()
                        .getFullName())
                .isEqualTo("common.Money");
        assertThat(file.descriptorProto().getMessageType(0).getField(0).getTypeName())
                .isEqualTo(".common.Money");
    }

    @Test
    void shouldResolveWellKnownImportsWithoutDependencies() {
        // given imports of google/protobuf, google/type and confluent files
        String text = "syntax = \"proto3\";\nimport \"google/protobuf/timestamp.proto\";\n"
                + "import \"google/type/money.proto\";\nimport \"confluent/meta.proto\";\n"
                + "import \"google/protobuf/wrappers.proto\";\n"
                + "message Payment {\n  google.protobuf.Timestamp at = 1;\n  google.type.Money amount = 2"
                + " [(confluent.field_meta) = { doc: \"the amount\" }];\n"
                + "  google.protobuf.StringValue note = 3;\n}\n";

        // when
        ProtoFile file = ProtoFile.parse(text);

        // then
        assertThat(file.imports()).hasSize(4);
        assertThat(file.canonicalText()).contains("[(confluent.field_meta) = {\n    doc: \"the amount\"\n  }]");
    }

    @Test
    void shouldTellWellKnownImportsFromReferences() {
        assertThat(ProtoFile.isWellKnownImport("google/protobuf/timestamp.proto"))
                .isTrue();
        assertThat(ProtoFile.isWellKnownImport("google/type/date.proto")).isTrue();
        assertThat(ProtoFile.isWellKnownImport("confluent/meta.proto")).isTrue();
        assertThat(ProtoFile.isWellKnownImport("confluent/type/decimal.proto")).isTrue();
        assertThat(ProtoFile.isWellKnownImport("acme/order.proto")).isFalse();
        assertThat(ProtoFile.isWellKnownImport("google/type/../../etc.proto")).isFalse();
    }

    @Test
    void shouldLinkEveryBundledWellKnownFile() {
        for (String path : new String[] {
            "google/type/calendar_period.proto",
            "google/type/color.proto",
            "google/type/date.proto",
            "google/type/datetime.proto",
            "google/type/dayofweek.proto",
            "google/type/decimal.proto",
            "google/type/expr.proto",
            "google/type/fraction.proto",
            "google/type/interval.proto",
            "google/type/latlng.proto",
            "google/type/localized_text.proto",
            "google/type/money.proto",
            "google/type/month.proto",
            "google/type/phone_number.proto",
            "google/type/postal_address.proto",
            "google/type/quaternion.proto",
            "google/type/timeofday.proto",
            "confluent/meta.proto",
            "confluent/type/decimal.proto"
        }) {
            // given / when
            ProtoFile file = ProtoFile.parse("syntax = \"proto3\"; import \"" + path + "\";");

            // then
            assertThat(file.fileDescriptor().getDependencies().get(0).getName()).isEqualTo(path);
        }
    }

    @Test
    void shouldRejectUnresolvedImport() {
        // given an import that is neither a dependency nor well-known
        String text = "syntax = \"proto3\"; import \"missing.proto\"; message A { int32 x = 1; }";

        // when / then
        assertThatThrownBy(() -> ProtoFile.parse(text))
                .isInstanceOf(ProtoParseException.class)
                .hasMessageContaining("missing.proto");
    }

    @Test
    void shouldRejectSyntaxErrorsWithMessage() {
        // given broken text
        String text = "syntax = \"proto3\"; message A { int32 x = ; }";

        // when / then
        assertThatThrownBy(() -> ProtoFile.parse(text))
                .isInstanceOf(ProtoParseException.class)
                .hasMessageStartingWith("Invalid Protobuf schema");
    }

    @Test
    void shouldRejectUnknownTypes() {
        // given a field whose type is declared nowhere
        String text = "syntax = \"proto3\"; message A { Missing x = 1; }";

        // when / then
        assertThatThrownBy(() -> ProtoFile.parse(text))
                .isInstanceOf(ProtoParseException.class)
                .hasMessageContaining("Missing");
    }

    @Test
    void shouldRejectDuplicateTags() {
        // given two fields with one tag
        String text = "syntax = \"proto3\"; message A { int32 x = 1; int32 y = 1; }";

        // when / then
        assertThatThrownBy(() -> ProtoFile.parse(text)).isInstanceOf(ProtoParseException.class);
    }

    @Test
    void shouldRejectImportCycles() {
        // given two references importing each other
        Map<String, String> deps = Map.of(
                "a.proto", "syntax = \"proto3\"; import \"b.proto\"; message A { int32 x = 1; }",
                "b.proto", "syntax = \"proto3\"; import \"a.proto\"; message B { int32 y = 1; }");

        // when / then
        assertThatThrownBy(() -> ProtoFile.parse("syntax = \"proto3\"; import \"a.proto\";", deps))
                .isInstanceOf(ProtoParseException.class)
                .hasMessageContaining("cycle");
    }

    @Test
    void shouldOmitExtensionsForIgnoreExtensionsFormat() {
        // given a schema with an extend block and a custom option
        String text = "syntax = \"proto2\";\nimport \"google/protobuf/descriptor.proto\";\n"
                + "extend google.protobuf.FieldOptions { optional string label = 50000; }\n"
                + "message A { optional int32 x = 1 [(label) = \"ex\", deprecated = true]; }\n";

        // when
        ProtoFile file = ProtoFile.parse(text);

        // then
        assertThat(file.canonicalText())
                .contains("extend google.protobuf.FieldOptions")
                .contains("(label)");
        assertThat(file.textWithoutExtensions())
                .doesNotContain("extend")
                .doesNotContain("(label)")
                .contains("optional int32 x = 1 [deprecated = true];");
    }

    @Test
    void shouldListMessageNamesDepthFirst() {
        // given nested messages
        String text = "syntax = \"proto3\"; package p; message A { message B { } enum E { X = 0; } message C { } }"
                + " enum Top { T = 0; } message D { }";

        // when
        ProtoFile file = ProtoFile.parse(text);

        // then
        assertThat(file.messageNames()).containsExactly("p.A", "p.A.B", "p.A.C", "p.D");
    }
}
