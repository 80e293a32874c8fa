package dev.castle.domain.format.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.format.CompatibilityChecker;
import dev.castle.domain.format.CompatibilityChecker.Previous;
import dev.castle.domain.format.ParsedSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden pairs per Protobuf rule family through the compatibility checker, in both directions (spec §7.2, §7.4). */
class ProtobufCompatibilityTest {
    private static final String P3 = "syntax = \"proto3\";\n";
    private static final String P2 = "syntax = \"proto2\";\n";

    private final ProtobufFormat protobuf = new ProtobufFormat();

    private ParsedSchema parse(String text) {
        return protobuf.parse(text, Map.of(), true);
    }

    private List<String> check(CompatibilityLevel level, String candidate, String... history) {
        List<Previous> previous = new ArrayList<>();
        for (int i = 0; i < history.length; i++) {
            ParsedSchema old = parse(history[i]);
            previous.add(new Previous(i + 1, old.type(), () -> old));
        }
        return CompatibilityChecker.check(level, parse(candidate), previous, false);
    }

    /** The error types of the differences only (the trailing version, schema and level entries dropped). */
    private List<String> errorTypes(CompatibilityLevel level, String candidate, String old) {
        List<String> types = new ArrayList<>();
        for (String message : check(level, candidate, old)) {
            if (message.startsWith("{errorType:\"")) {
                types.add(message.substring("{errorType:\"".length(), message.indexOf('"', 12)));
            }
        }
        return types;
    }

    private void assertBreaksBothWays(String type, String old, String candidate) {
        assertThat(errorTypes(CompatibilityLevel.BACKWARD, candidate, old)).contains(type);
        assertThat(errorTypes(CompatibilityLevel.FORWARD, candidate, old)).contains(type);
    }

    private void assertCompatibleBothWays(String old, String candidate) {
        assertThat(check(CompatibilityLevel.FULL, candidate, old)).isEmpty();
        assertThat(check(CompatibilityLevel.FULL, old, candidate)).isEmpty();
    }

    @Test
    void shouldRenderScalarKindChangeWithNewAsReaderWhenBackward() {
        // given
        String old = P3 + "message SearchRequest { string query = 1; int32 page = 2; }";
        String candidate = P3 + "message SearchRequest { string query = 1; float page = 2; }";

        // when
        List<String> messages = check(CompatibilityLevel.BACKWARD, candidate, old);

        // then
        assertThat(messages)
                .containsExactly(
                        "{errorType:\"FIELD_SCALAR_KIND_CHANGED\", description:\"The kind of a SCALAR field at path"
                                + " '#/SearchRequest/2' in the new schema does not match its kind in the old schema\"}",
                        "{oldSchemaVersion: 1}",
                        "{oldSchema: '" + parse(old).canonical() + "'}",
                        "{validateFields: 'false', compatibility: 'BACKWARD'}");
    }

    @Test
    void shouldRenderAddedMessageWithOldAsReaderWhenForward() {
        // given the candidate declares a message B the old schema lacks
        String old = P3 + "message A { int32 a = 1; }";
        String candidate = P3 + "message A { int32 a = 1; }\nmessage B { int32 b = 1; }";

        // when the old schema must read the candidate's data
        List<String> forward = check(CompatibilityLevel.FORWARD, candidate, old);

        // then the old schema is the reader and is missing B; the new schema reads the old data fine
        assertThat(forward)
                .containsExactly(
                        "{errorType:\"MESSAGE_REMOVED\", description:\"The old schema is missing a MESSAGE type at"
                                + " path '#/B' in the new schema\"}",
                        "{oldSchemaVersion: 1}",
                        "{oldSchema: '" + parse(old).canonical() + "'}",
                        "{validateFields: 'false', compatibility: 'FORWARD'}");
        assertThat(check(CompatibilityLevel.BACKWARD, candidate, old)).isEmpty();
    }

    @Test
    void shouldReportBothDirectionsWhenFull() {
        // given a field whose type changes from int32 to string
        String old = P3 + "message M { int32 a = 1; }";
        String candidate = P3 + "message M { string a = 1; }";

        // when
        List<String> messages = check(CompatibilityLevel.FULL, candidate, old);

        // then the forward pass names the old schema as reader, the backward pass the new one
        assertThat(messages.get(0)).contains("in the old schema does not match its kind in the new schema");
        assertThat(messages).anyMatch(m -> m.contains("in the new schema does not match its kind in the old schema"));
        assertThat(messages.get(messages.size() - 1)).isEqualTo("{validateFields: 'false', compatibility: 'FULL'}");
    }

    @Test
    void shouldBreakOnScalarKindOutsideAWireGroupOnly() {
        String old = P3 + "message M { int32 a = 1; sint32 b = 2; fixed32 c = 3; string d = 4; }";

        assertCompatibleBothWays(old, P3 + "message M { int64 a = 1; sint64 b = 2; sfixed32 c = 3; bytes d = 4; }");
        assertCompatibleBothWays(old, P3 + "message M { bool a = 1; sint32 b = 2; fixed32 c = 3; string d = 4; }");
        assertBreaksBothWays(
                "FIELD_SCALAR_KIND_CHANGED",
                old,
                P3 + "message M { sint32 a = 1; sint32 b = 2; fixed32 c = 3;" + " string d = 4; }");
        assertBreaksBothWays(
                "FIELD_SCALAR_KIND_CHANGED",
                old,
                P3 + "message M { int32 a = 1; sint32 b = 2; fixed64 c = 3;" + " string d = 4; }");
    }

    @Test
    void shouldBreakOnFieldKindChange() {
        String old = P3 + "message M { int32 a = 1; }\nmessage N { int32 x = 1; }";

        assertBreaksBothWays("FIELD_KIND_CHANGED", old, P3 + "message M { N a = 1; }\nmessage N { int32 x = 1; }");
        assertBreaksBothWays(
                "FIELD_KIND_CHANGED", old, P3 + "message M { map<string, int32> a = 1; }\nmessage N { int32 x = 1; }");
    }

    @Test
    void shouldBreakOnNamedTypeChange() {
        String types = "message N { int32 x = 1; }\nmessage O { int32 y = 1; }";

        assertBreaksBothWays(
                "FIELD_NAMED_TYPE_CHANGED",
                P3 + "message M { N a = 1; }\n" + types,
                P3 + "message M { O a = 1; }\n" + types);
    }

    @Test
    void shouldBreakOnNumericLabelChangeButNotOnStringLabelChange() {
        // given proto2, where labels are written
        String old = P2 + "message M { optional int32 a = 1; optional string s = 2; }";

        assertBreaksBothWays(
                "FIELD_NUMERIC_LABEL_CHANGED", old, P2 + "message M { repeated int32 a = 1; optional string s = 2; }");
        assertCompatibleBothWays(old, P2 + "message M { optional int32 a = 1; repeated string s = 2; }");
    }

    @Test
    void shouldBreakOnRequiredFieldsAddedOrRemoved() {
        String old = P2 + "message M { optional int32 a = 1; }";
        String withRequired = P2 + "message M { optional int32 a = 1; required int32 b = 2; }";

        assertThat(errorTypes(CompatibilityLevel.BACKWARD, withRequired, old)).containsExactly("REQUIRED_FIELD_ADDED");
        assertThat(errorTypes(CompatibilityLevel.FORWARD, withRequired, old)).containsExactly("REQUIRED_FIELD_REMOVED");
    }

    @Test
    void shouldBreakOnPackageChange() {
        assertBreaksBothWays(
                "PACKAGE_CHANGED",
                P3 + "package a;\nmessage M { int32 x = 1; }",
                P3 + "package b;\n" + "message M { int32 x = 1; }");
    }

    @Test
    void shouldBreakOnRemovedMessageOnlyWhenTheReaderLacksIt() {
        String old = P3 + "message A { int32 a = 1; }\nmessage B { int32 b = 1; }";
        String candidate = P3 + "message A { int32 a = 1; }";

        assertThat(errorTypes(CompatibilityLevel.BACKWARD, candidate, old)).containsExactly("MESSAGE_REMOVED");
        assertThat(check(CompatibilityLevel.FORWARD, candidate, old)).isEmpty();
    }

    @Test
    void shouldBreakOnOneofFieldRemovedAndFieldsMovedIntoOneof() {
        String old = P3 + "message M { oneof o { int32 a = 1; string b = 2; } }";

        assertThat(errorTypes(CompatibilityLevel.BACKWARD, P3 + "message M { oneof o { int32 a = 1; } }", old))
                .containsExactly("ONEOF_FIELD_REMOVED");
        String loose = P3 + "message M { int32 a = 1; string b = 2; }";
        assertThat(errorTypes(CompatibilityLevel.BACKWARD, old, loose))
                .containsExactly("MULTIPLE_FIELDS_MOVED_TO_ONEOF");
        String oneInside = P3 + "message M { oneof o { int32 a = 1; } string b = 2; }";
        assertThat(errorTypes(CompatibilityLevel.BACKWARD, old, oneInside))
                .containsExactly("FIELD_MOVED_TO_EXISTING_ONEOF");
    }

    @Test
    void shouldAcceptSymmetricChangesBothWays() {
        String old = P3 + "message M { int32 a = 1; string b = 2; }\nenum E { E0 = 0; E1 = 1; }";

        // a field renamed, one removed and one added; an enum constant renamed, one added
        assertCompatibleBothWays(
                old, P3 + "message M { int32 renamed = 1; int64 c = 3; }\nenum E { E0 = 0; ONE = 1; E2 = 2; }");
        // a oneof added around a single field
        assertCompatibleBothWays(
                old, P3 + "message M { int32 a = 1; oneof o { string b = 2; } }\n" + "enum E { E0 = 0; E1 = 1; }");
    }

    @Test
    void shouldAcceptAdditionsBackwardButNotForward() {
        String old = P3 + "message M { oneof o { string s = 2; } }";
        String candidate = P3 + "message M { oneof o { string s = 2; int32 t = 3; } }\nmessage Extra { int32 x = 1; }";

        assertThat(check(CompatibilityLevel.BACKWARD, candidate, old)).isEmpty();
        assertThat(errorTypes(CompatibilityLevel.FORWARD, candidate, old))
                .containsExactlyInAnyOrder("MESSAGE_REMOVED", "ONEOF_FIELD_REMOVED");
    }

    @Test
    void shouldAcceptRemovedEnumBothWays() {
        String old = P3 + "message M { int32 a = 1; }\nenum E { E0 = 0; }";

        assertCompatibleBothWays(old, P3 + "message M { int32 a = 1; }");
    }

    @Test
    void shouldCheckEveryVersionWhenTransitive() {
        String v1 = P3 + "message M { int32 a = 1; }";
        String v2 = P3 + "message M { int64 a = 1; }";
        String v3 = P3 + "message M { int64 a = 1; string b = 2; }";
        String candidate = P3 + "message M { int64 a = 1; int32 b = 2; }";

        assertThat(check(CompatibilityLevel.BACKWARD, candidate, v1, v2)).isEmpty();
        assertThat(check(CompatibilityLevel.BACKWARD, candidate, v1, v3)).isNotEmpty();
        assertThat(check(CompatibilityLevel.BACKWARD_TRANSITIVE, candidate, v3, v2))
                .contains("{oldSchemaVersion: 1}");
    }

    @Test
    void shouldCompareTypesAcrossImportedFilesByFullName() {
        // given a message whose field type comes from an import that changed between versions
        Map<String, String> oldRefs = Map.of("n.proto", P3 + "package n; message N { int32 x = 1; }");
        Map<String, String> newRefs =
                Map.of("n.proto", P3 + "package n; message N { int32 x = 1; }\n" + "message O { int32 y = 1; }");
        ParsedSchema old = protobuf.parse(P3 + "import \"n.proto\"; message M { n.N a = 1; }", oldRefs, true);
        ParsedSchema candidate = protobuf.parse(P3 + "import \"n.proto\"; message M { n.O a = 1; }", newRefs, true);

        // when
        List<String> messages = candidate.readDifferences(old);

        // then
        assertThat(messages)
                .singleElement()
                .asString()
                .contains("FIELD_NAMED_TYPE_CHANGED")
                .contains("{reader}");
    }
}
