package dev.castle.proto;

import static dev.castle.proto.ProtoDifference.Type.ENUM_ADDED;
import static dev.castle.proto.ProtoDifference.Type.ENUM_CONST_ADDED;
import static dev.castle.proto.ProtoDifference.Type.ENUM_CONST_CHANGED;
import static dev.castle.proto.ProtoDifference.Type.ENUM_CONST_REMOVED;
import static dev.castle.proto.ProtoDifference.Type.ENUM_REMOVED;
import static dev.castle.proto.ProtoDifference.Type.FIELD_ADDED;
import static dev.castle.proto.ProtoDifference.Type.FIELD_KIND_CHANGED;
import static dev.castle.proto.ProtoDifference.Type.FIELD_MOVED_TO_EXISTING_ONEOF;
import static dev.castle.proto.ProtoDifference.Type.FIELD_NAMED_TYPE_CHANGED;
import static dev.castle.proto.ProtoDifference.Type.FIELD_NAME_CHANGED;
import static dev.castle.proto.ProtoDifference.Type.FIELD_NUMERIC_LABEL_CHANGED;
import static dev.castle.proto.ProtoDifference.Type.FIELD_REMOVED;
import static dev.castle.proto.ProtoDifference.Type.FIELD_SCALAR_KIND_CHANGED;
import static dev.castle.proto.ProtoDifference.Type.FIELD_STRING_OR_BYTES_LABEL_CHANGED;
import static dev.castle.proto.ProtoDifference.Type.MESSAGE_ADDED;
import static dev.castle.proto.ProtoDifference.Type.MESSAGE_MOVED;
import static dev.castle.proto.ProtoDifference.Type.MESSAGE_REMOVED;
import static dev.castle.proto.ProtoDifference.Type.MULTIPLE_FIELDS_MOVED_TO_ONEOF;
import static dev.castle.proto.ProtoDifference.Type.ONEOF_ADDED;
import static dev.castle.proto.ProtoDifference.Type.ONEOF_FIELD_ADDED;
import static dev.castle.proto.ProtoDifference.Type.ONEOF_FIELD_REMOVED;
import static dev.castle.proto.ProtoDifference.Type.ONEOF_REMOVED;
import static dev.castle.proto.ProtoDifference.Type.PACKAGE_CHANGED;
import static dev.castle.proto.ProtoDifference.Type.REQUIRED_FIELD_ADDED;
import static dev.castle.proto.ProtoDifference.Type.REQUIRED_FIELD_REMOVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProtoDiffTest {

    private static final String P3 = "syntax = \"proto3\";\n";
    private static final String P2 = "syntax = \"proto2\";\n";

    private static List<ProtoDifference> diff(String original, String update) {
        return ProtoDiff.compare(ProtoFile.parse(original), ProtoFile.parse(update));
    }

    @Test
    void shouldFindNoDifferenceBetweenFormattingVariants() {
        assertThat(diff(RichSchemas.PROTO3, ProtoFile.parse(RichSchemas.PROTO3).normalizedText()))
                .isEmpty();
    }

    @Test
    void shouldReportScalarKindChangeWithConfluentText() {
        // given an int32 field that becomes a float
        String old = P3 + "message SearchRequest { string query = 1; int32 page_number = 2; }";
        String changed = P3 + "message SearchRequest { string query = 1; float page_number = 2; }";

        // when
        List<ProtoDifference> differences = diff(old, changed);

        // then
        assertThat(differences).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(FIELD_SCALAR_KIND_CHANGED);
            assertThat(d.compatible()).isFalse();
            assertThat(d.render())
                    .isEqualTo("{errorType:\"FIELD_SCALAR_KIND_CHANGED\", description:\"The kind of a SCALAR field at"
                            + " path '#/SearchRequest/2' in the new schema does not match its kind in the old"
                            + " schema\"}");
        });
    }

    @Test
    void shouldAllowChangesWithinWireCompatibleScalarGroups() {
        String[][] groups = {
            {"int32", "int64", "uint32", "uint64", "bool"},
            {"sint32", "sint64"},
            {"string", "bytes"},
            {"fixed32", "sfixed32"},
            {"fixed64", "sfixed64"}
        };
        for (String[] group : groups) {
            for (String from : group) {
                for (String to : group) {
                    // given / when
                    List<ProtoDifference> differences =
                            diff(P3 + "message M { " + from + " f = 1; }", P3 + "message M { " + to + " f = 1; }");

                    // then
                    assertThat(differences).as(from + " -> " + to).isEmpty();
                }
            }
        }
    }

    @Test
    void shouldRejectChangesAcrossScalarGroupsInBothDirections() {
        String[][] pairs = {
            {"int32", "sint32"},
            {"int64", "fixed64"},
            {"float", "double"},
            {"string", "int32"},
            {"fixed32", "float"},
            {"bool", "sint64"}
        };
        for (String[] pair : pairs) {
            String a = P3 + "message M { " + pair[0] + " f = 1; }";
            String b = P3 + "message M { " + pair[1] + " f = 1; }";
            assertThat(diff(a, b)).extracting(ProtoDifference::type).containsExactly(FIELD_SCALAR_KIND_CHANGED);
            assertThat(diff(b, a)).extracting(ProtoDifference::type).containsExactly(FIELD_SCALAR_KIND_CHANGED);
        }
    }

    @Test
    void shouldTreatEnumsAsVarintScalars() {
        // given an int32 field that becomes an enum, and one that becomes a string
        String old = P3 + "enum E { A = 0; } message M { int32 f = 1; int32 g = 2; }";
        String changed = P3 + "enum E { A = 0; } message M { E f = 1; string g = 2; }";

        // when / then
        assertThat(diff(old, changed))
                .extracting(ProtoDifference::type, ProtoDifference::path)
                .containsExactly(tuple(FIELD_SCALAR_KIND_CHANGED, "#/M/2"));
    }

    @Test
    void shouldReportFieldKindChangesBetweenScalarMessageAndMap() {
        // given
        String old = P3 + "message N { } message M { int32 a = 1; N b = 2; map<string, int32> c = 3; }";
        String changed = P3 + "message N { } message M { N a = 1; map<string, int32> b = 2; int32 c = 3; }";

        // when / then, in both directions
        assertThat(diff(old, changed))
                .extracting(ProtoDifference::type, ProtoDifference::path)
                .containsExactly(
                        tuple(FIELD_KIND_CHANGED, "#/M/1"),
                        tuple(FIELD_KIND_CHANGED, "#/M/2"),
                        tuple(FIELD_KIND_CHANGED, "#/M/3"));
        assertThat(diff(changed, old)).hasSize(3).allMatch(d -> d.type() == FIELD_KIND_CHANGED);
    }

    @Test
    void shouldCompareMapKeyAndValueTypes() {
        // given
        String old = P3 + "message M { map<string, int32> m = 1; map<int32, string> n = 2; }";
        String changed = P3 + "message M { map<string, int64> m = 1; map<int32, double> n = 2; }";

        // when / then
        assertThat(diff(old, changed))
                .extracting(ProtoDifference::type, ProtoDifference::path)
                .containsExactly(tuple(FIELD_SCALAR_KIND_CHANGED, "#/M/2"));
    }

    @Test
    void shouldTreatAddedAndRemovedOptionalFieldsAsCompatible() {
        // given
        String old = P3 + "message M { int32 a = 1; string b = 2; }";
        String changed = P3 + "message M { int32 a = 1; string renamed = 2; bool c = 3; }";

        // when
        List<ProtoDifference> forward = diff(old, changed);
        List<ProtoDifference> backward = diff(changed, old);

        // then
        assertThat(forward)
                .extracting(ProtoDifference::type, ProtoDifference::path)
                .containsExactly(tuple(FIELD_NAME_CHANGED, "#/M/2"), tuple(FIELD_ADDED, "#/M/3"));
        assertThat(backward).extracting(ProtoDifference::type).containsExactly(FIELD_NAME_CHANGED, FIELD_REMOVED);
        assertThat(forward).allMatch(ProtoDifference::compatible);
        assertThat(backward).allMatch(ProtoDifference::compatible);
    }

    @Test
    void shouldRejectAddingOrRemovingRequiredFields() {
        // given
        String old = P2 + "message M { optional int32 a = 1; }";
        String changed = P2 + "message M { optional int32 a = 1; required string b = 2; }";

        // when / then
        ProtoDifference added = diff(old, changed).get(0);
        assertThat(added.type()).isEqualTo(REQUIRED_FIELD_ADDED);
        assertThat(added.description())
                .isEqualTo("A required field  at path '#/M/2' in the new schema is missing in the old schema");
        ProtoDifference removed = diff(changed, old).get(0);
        assertThat(removed.type()).isEqualTo(REQUIRED_FIELD_REMOVED);
        assertThat(removed.description())
                .isEqualTo("The new schema is missing a required field at path: '#/M/2' in the old schema");
    }

    @Test
    void shouldClassifyLabelChangesByScalarGroup() {
        // given optional to repeated for a number and a string (proto2 writes labels)
        String old = P2 + "message M { optional int32 n = 1; optional string s = 2; }";
        String changed = P2 + "message M { repeated int32 n = 1; repeated string s = 2; }";

        // when
        List<ProtoDifference> differences = diff(old, changed);

        // then
        assertThat(differences)
                .extracting(ProtoDifference::type, ProtoDifference::compatible)
                .containsExactly(
                        tuple(FIELD_NUMERIC_LABEL_CHANGED, false), tuple(FIELD_STRING_OR_BYTES_LABEL_CHANGED, true));
        assertThat(differences.get(0).description())
                .isEqualTo("The label for a NUMERIC field at path '#/M/1' in the new schema does not match its label"
                        + " in the old schema");
    }

    @Test
    void shouldRejectInvalidMapKeyAsParseError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ProtoFile.parse(P3 + "message M { map<bytes, int32> m = 1; }"))
                .isInstanceOf(ProtoParseException.class)
                .hasMessageContaining("map key");
    }

    @Test
    void shouldReportPackageChangeAtRoot() {
        // given
        String old = P3 + "package a; message M { }";
        String changed = P3 + "package b; message M { }";

        // when / then
        assertThat(diff(old, changed)).singleElement().satisfies(d -> {
            assertThat(d.type()).isEqualTo(PACKAGE_CHANGED);
            assertThat(d.description())
                    .isEqualTo("The package at '#/' in the new schema does not match the package in the old schema");
        });
    }

    @Test
    void shouldMatchEveryMessageAndEnumByName() {
        // given a second message removed, a third added, an enum swapped for another
        String old = P3 + "message A { } message B { } enum E { X = 0; }";
        String changed = P3 + "message A { } message C { } enum F { Y = 0; }";

        // when
        List<ProtoDifference> differences = diff(old, changed);

        // then
        assertThat(differences)
                .extracting(ProtoDifference::type, ProtoDifference::path)
                .containsExactly(
                        tuple(MESSAGE_REMOVED, "#/B"),
                        tuple(MESSAGE_ADDED, "#/C"),
                        tuple(ENUM_REMOVED, "#/E"),
                        tuple(ENUM_ADDED, "#/F"));
        assertThat(differences.get(0).description())
                .isEqualTo("The new schema is missing a MESSAGE type at path '#/B' in the old schema");
    }

    @Test
    void shouldReportMovedMessagesAsCompatible() {
        // given two messages swapped and a nested field changed inside a nested message
        String old = P3 + "message A { message Inner { int32 x = 1; } } message B { }";
        String changed = P3 + "message B { } message A { message Inner { string x = 1; } }";

        // when / then
        assertThat(diff(old, changed))
                .extracting(ProtoDifference::type, ProtoDifference::path)
                .containsExactly(
                        tuple(FIELD_SCALAR_KIND_CHANGED, "#/A/Inner/1"),
                        tuple(MESSAGE_MOVED, "#/A"),
                        tuple(MESSAGE_MOVED, "#/B"));
    }

    @Test
    void shouldCompareEnumConstantsByNumber() {
        // given
        String old = P3 + "enum E { A = 0; B = 1; C = 2; }";
        String changed = P3 + "enum E { A = 0; BEE = 1; D = 3; }";

        // when / then
        assertThat(diff(old, changed))
                .extracting(ProtoDifference::type, ProtoDifference::path, ProtoDifference::compatible)
                .containsExactly(
                        tuple(ENUM_CONST_CHANGED, "#/E/1", true),
                        tuple(ENUM_CONST_REMOVED, "#/E/2", true),
                        tuple(ENUM_CONST_ADDED, "#/E/3", true));
    }

    @Test
    void shouldHandleOneofAdditionsAndRemovals() {
        // given
        String old = P3 + "message M { oneof a { int32 x = 1; int32 y = 2; } oneof gone { int32 g = 9; } }";
        String changed = P3 + "message M { oneof a { int32 x = 1; int32 z = 3; } oneof fresh { int32 h = 10; } }";

        // when / then
        assertThat(diff(old, changed))
                .extracting(ProtoDifference::type, ProtoDifference::path, ProtoDifference::compatible)
                .containsExactly(
                        tuple(ONEOF_FIELD_REMOVED, "#/M/a/2", false),
                        tuple(ONEOF_FIELD_ADDED, "#/M/a/3", true),
                        tuple(ONEOF_ADDED, "#/M/fresh", true),
                        tuple(ONEOF_REMOVED, "#/M/gone", true));
    }

    @Test
    void shouldAllowMovingOneFieldIntoNewOneof() {
        // given a plain field moved into a new oneof with a new field
        String old = P3 + "message M { int32 a = 1; }";
        String changed = P3 + "message M { oneof o { int32 a = 1; int32 b = 2; } }";

        // when / then
        assertThat(diff(old, changed)).extracting(ProtoDifference::type).containsExactly(ONEOF_ADDED);
    }

    @Test
    void shouldRejectMovingSeveralFieldsIntoOneof() {
        // given
        String old = P3 + "message M { int32 a = 1; int32 b = 2; }";
        String changed = P3 + "message M { oneof o { int32 a = 1; int32 b = 2; } }";

        // when / then
        assertThat(diff(old, changed))
                .extracting(ProtoDifference::type, ProtoDifference::path)
                .containsExactly(tuple(MULTIPLE_FIELDS_MOVED_TO_ONEOF, "#/M/o"), tuple(ONEOF_ADDED, "#/M/o"));
    }

    @Test
    void shouldRejectMovingFieldIntoExistingOneof() {
        // given
        String old = P3 + "message M { int32 a = 1; oneof o { int32 b = 2; } }";
        String changed = P3 + "message M { oneof o { int32 a = 1; int32 b = 2; } }";

        // when / then
        assertThat(diff(old, changed))
                .extracting(ProtoDifference::type, ProtoDifference::compatible)
                .containsExactly(tuple(FIELD_MOVED_TO_EXISTING_ONEOF, false), tuple(ONEOF_FIELD_ADDED, true));
    }

    @Test
    void shouldRejectRenamedMessageTypeOfField() {
        // given
        String old = P3 + "message A { } message B { } message M { A f = 1; }";
        String changed = P3 + "message A { } message B { } message M { B f = 1; }";

        // when / then
        assertThat(diff(old, changed))
                .extracting(ProtoDifference::type, ProtoDifference::path)
                .containsExactly(tuple(FIELD_NAMED_TYPE_CHANGED, "#/M/1"));
    }

    @Test
    void shouldCompareReferencedTypesThatChangedInDependencies() {
        // given a referenced message whose field changes kind
        String schema = P3 + "import \"ref.proto\"; message M { ref.R r = 1; }";
        ProtoFile old = ProtoFile.parse(schema, Map.of("ref.proto", P3 + "package ref; message R { int32 x = 1; }"));
        ProtoFile changed =
                ProtoFile.parse(schema, Map.of("ref.proto", P3 + "package ref; message R { double x = 1; }"));

        // when
        List<ProtoDifference> differences = ProtoDiff.compare(old, changed);

        // then
        assertThat(differences)
                .extracting(ProtoDifference::type, ProtoDifference::path)
                .containsExactly(tuple(FIELD_SCALAR_KIND_CHANGED, "#/R/1"), tuple(FIELD_NAMED_TYPE_CHANGED, "#/M/1"));
    }

    @Test
    void shouldNotRecurseForeverOnRecursiveTypes() {
        // given a self-referencing message
        String old = P3 + "message Node { int32 v = 1; repeated Node children = 2; }";
        String changed = P3 + "message Node { int64 v = 1; repeated Node children = 2; int32 depth = 3; }";

        // when / then
        assertThat(diff(old, changed)).extracting(ProtoDifference::type).containsExactly(FIELD_ADDED);
    }

    @Test
    void shouldUseGivenLabelsForForwardChecks() {
        // given the files swapped for FORWARD, with labels swapped too
        ProtoFile old = ProtoFile.parse(P3 + "message M { int32 a = 1; }");
        ProtoFile changed = ProtoFile.parse(P3 + "message M { string a = 1; }");

        // when
        List<ProtoDifference> differences = ProtoDiff.compare(changed, old, "old", "new");

        // then
        assertThat(differences.get(0).description()).contains("in the old schema does not match its kind in the new");
    }

    @Test
    void shouldListOnlyBreakingChangesAsIncompatibilities() {
        // given
        ProtoFile old = ProtoFile.parse(P3 + "message M { int32 a = 1; int32 b = 2; }");
        ProtoFile changed = ProtoFile.parse(P3 + "message M { int32 a = 1; double b = 2; int32 c = 3; }");

        // when / then
        assertThat(ProtoDiff.incompatibilities(old, changed))
                .extracting(ProtoDifference::type)
                .containsExactly(FIELD_SCALAR_KIND_CHANGED);
    }
}
