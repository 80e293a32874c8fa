package dev.castle.domain.format.avro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.format.CompatibilityChecker;
import dev.castle.domain.format.CompatibilityChecker.Previous;
import dev.castle.domain.format.ParsedSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Golden pairs per Avro rule family, rendered as Confluent does (spec §7.2, §7.4). */
class AvroCompatibilityTest {
    private static final String ONE_FIELD = record("{\"name\":\"f1\",\"type\":\"string\"}");
    private static final String TWO_FIELDS =
            record("{\"name\":\"f1\",\"type\":\"string\"},{\"name\":\"f2\",\"type\":\"string\"}");

    private final AvroFormat avro = new AvroFormat();

    private static String record(String fields) {
        return "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[" + fields + "]}";
    }

    private ParsedSchema parse(String text) {
        return avro.parse(text, Map.of(), true);
    }

    private List<String> check(CompatibilityLevel level, String candidate, String... history) {
        List<Previous> previous = new java.util.ArrayList<>();
        for (int i = 0; i < history.length; i++) {
            ParsedSchema old = parse(history[i]);
            previous.add(new Previous(i + 1, old.type(), () -> old));
        }
        return CompatibilityChecker.check(level, parse(candidate), previous, false);
    }

    private String oldSchema(String text) {
        return "{oldSchema: '" + parse(text).canonical() + "'}";
    }

    @Test
    void shouldReportNewFieldWithoutDefaultAsBackwardIncompatible() {
        // when
        List<String> messages = check(CompatibilityLevel.BACKWARD, TWO_FIELDS, ONE_FIELD);

        // then
        assertThat(messages)
                .containsExactly(
                        "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path"
                                + " '/fields/1' in the new schema has no default value and is missing in the old"
                                + " schema', additionalInfo:'f2'}",
                        "{oldSchemaVersion: 1}",
                        oldSchema(ONE_FIELD),
                        "{validateFields: 'false', compatibility: 'BACKWARD'}");
        assertThat(check(CompatibilityLevel.FORWARD, TWO_FIELDS, ONE_FIELD)).isEmpty();
    }

    @Test
    void shouldReportRemovedFieldWithoutDefaultAsForwardIncompatible() {
        List<String> messages = check(CompatibilityLevel.FORWARD, ONE_FIELD, TWO_FIELDS);

        assertThat(messages)
                .containsExactly(
                        "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path"
                                + " '/fields/1' in the old schema has no default value and is missing in the new"
                                + " schema', additionalInfo:'f2'}",
                        "{oldSchemaVersion: 1}",
                        oldSchema(TWO_FIELDS),
                        "{validateFields: 'false', compatibility: 'FORWARD'}");
        assertThat(check(CompatibilityLevel.BACKWARD, ONE_FIELD, TWO_FIELDS)).isEmpty();
    }

    @Test
    void shouldReportTypeMismatchWithReaderAndWriterTypes() {
        String intField = record("{\"name\":\"f1\",\"type\":\"int\"}");

        assertThat(check(CompatibilityLevel.BACKWARD, intField, ONE_FIELD).get(0))
                .isEqualTo("{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in"
                        + " the new schema does not match with the old schema', additionalInfo:'reader type: INT not"
                        + " compatible with writer type: STRING'}");
        assertThat(check(CompatibilityLevel.FORWARD, intField, ONE_FIELD).get(0))
                .isEqualTo("{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in"
                        + " the old schema does not match with the new schema', additionalInfo:'reader type: STRING"
                        + " not compatible with writer type: INT'}");
    }

    @Test
    void shouldAllowPromotionsOnlyFromNarrowWriterToWideReader() {
        for (String[] promotion : new String[][] {
            {"int", "long"},
            {"int", "float"},
            {"int", "double"},
            {"long", "float"},
            {"long", "double"},
            {"float", "double"},
            {"string", "bytes"},
            {"bytes", "string"}
        }) {
            String narrow = "\"" + promotion[0] + "\"";
            String wide = "\"" + promotion[1] + "\"";
            assertThat(check(CompatibilityLevel.BACKWARD, wide, narrow))
                    .as("%s read as %s", narrow, wide)
                    .isEmpty();
        }
        assertThat(check(CompatibilityLevel.BACKWARD, "\"int\"", "\"long\"").get(0))
                .isEqualTo("{errorType:'TYPE_MISMATCH', description:'The type (path '/') of a field in the new schema"
                        + " does not match with the old schema', additionalInfo:'reader type: INT not compatible with"
                        + " writer type: LONG'}");
    }

    @Test
    void shouldReportRenamedRecordAsNameMismatchInBothDirections() {
        String a = "{\"type\":\"record\",\"name\":\"A\",\"fields\":[]}";
        String b = "{\"type\":\"record\",\"name\":\"B\",\"fields\":[]}";
        String expectedB = "{errorType:'NAME_MISMATCH', description:'The name of the schema has changed (path"
                + " '/name')', additionalInfo:'expected: B'}";
        String expectedA = expectedB.replace("expected: B", "expected: A");

        assertThat(check(CompatibilityLevel.BACKWARD, a, b).get(0)).isEqualTo(expectedB);
        assertThat(check(CompatibilityLevel.FORWARD, a, b).get(0)).isEqualTo(expectedA);
    }

    @Test
    void shouldAcceptRenamedRecordWhenReaderHasOldNameAsAlias() {
        String a = "{\"type\":\"record\",\"name\":\"A\",\"fields\":[]}";
        String b = "{\"type\":\"record\",\"name\":\"B\",\"aliases\":[\"A\"],\"fields\":[]}";

        assertThat(check(CompatibilityLevel.BACKWARD, b, a)).isEmpty();
    }

    @Test
    void shouldReportFixedSizeMismatch() {
        String four = "{\"type\":\"fixed\",\"name\":\"F\",\"size\":4}";
        String eight = "{\"type\":\"fixed\",\"name\":\"F\",\"size\":8}";

        assertThat(check(CompatibilityLevel.BACKWARD, four, eight).get(0))
                .isEqualTo("{errorType:'FIXED_SIZE_MISMATCH', description:'The size of FIXED type field at path"
                        + " '/size' in the new schema does not match with the old schema', additionalInfo:'expected:"
                        + " 8, found: 4'}");
        assertThat(check(CompatibilityLevel.FORWARD, four, eight).get(0))
                .isEqualTo("{errorType:'FIXED_SIZE_MISMATCH', description:'The size of FIXED type field at path"
                        + " '/size' in the old schema does not match with the new schema', additionalInfo:'expected:"
                        + " 4, found: 8'}");
    }

    @Test
    void shouldReportRemovedEnumSymbolsUnlessReaderHasEnumDefault() {
        String two = record("{\"name\":\"e\",\"type\":{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}}");
        String three =
                record("{\"name\":\"e\",\"type\":{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\",\"C\"]}}");
        String twoWithDefault = record("{\"name\":\"e\",\"type\":{\"type\":\"enum\",\"name\":\"E\","
                + "\"symbols\":[\"A\",\"B\"],\"default\":\"A\"}}");

        assertThat(check(CompatibilityLevel.BACKWARD, two, three).get(0))
                .isEqualTo("{errorType:'MISSING_ENUM_SYMBOLS', description:'The new schema is missing enum symbols"
                        + " '[C]' at path '/fields/0/type/symbols' in the old schema', additionalInfo:'[C]'}");
        assertThat(check(CompatibilityLevel.FORWARD, three, two))
                .first()
                .asString()
                .contains("The old schema is" + " missing enum symbols '[C]'");
        assertThat(check(CompatibilityLevel.BACKWARD, three, two)).isEmpty();
        assertThat(check(CompatibilityLevel.BACKWARD, twoWithDefault, three)).isEmpty();
    }

    @Test
    void shouldReportUnionBranchMissingInReader() {
        String nullableInt = record("{\"name\":\"u\",\"type\":[\"null\",\"int\"]}");
        String nullableString = record("{\"name\":\"u\",\"type\":[\"null\",\"string\"]}");

        assertThat(check(CompatibilityLevel.BACKWARD, nullableInt, nullableString)
                        .get(0))
                .isEqualTo("{errorType:'MISSING_UNION_BRANCH', description:'The new schema is missing a type inside a"
                        + " union field at path '/fields/0/type/1' in the old schema', additionalInfo:'reader union"
                        + " lacking writer type: STRING'}");
        assertThat(check(CompatibilityLevel.FORWARD, nullableInt, nullableString)
                        .get(0))
                .isEqualTo("{errorType:'MISSING_UNION_BRANCH', description:'The old schema is missing a type inside a"
                        + " union field at path '/fields/0/type/1' in the new schema', additionalInfo:'reader union"
                        + " lacking writer type: INT'}");
    }

    @Test
    void shouldListForwardDifferencesFirstAndOldSchemaOnlyAfterBackwardOnesWhenFull() {
        String intField = record("{\"name\":\"f1\",\"type\":\"int\"}");

        List<String> messages = check(CompatibilityLevel.FULL, intField, ONE_FIELD);

        assertThat(messages).hasSize(5);
        assertThat(messages.get(0)).contains("in the old schema does not match with the new schema");
        assertThat(messages.get(1)).contains("in the new schema does not match with the old schema");
        assertThat(messages.subList(2, 5))
                .containsExactly(
                        "{oldSchemaVersion: 1}",
                        oldSchema(ONE_FIELD),
                        "{validateFields: 'false', compatibility: 'FULL'}");
    }

    @Test
    void shouldCompareOnlyTheLatestUnlessTransitive() {
        // given v1 without f2, v2 with f2 defaulted; candidate has f2 without default
        String v1 = ONE_FIELD;
        String v2 =
                record("{\"name\":\"f1\",\"type\":\"string\"},{\"name\":\"f2\",\"type\":\"string\",\"default\":\"x\"}");

        // then the latest accepts it, the first does not
        assertThat(check(CompatibilityLevel.BACKWARD, TWO_FIELDS, v1, v2)).isEmpty();
        assertThat(check(CompatibilityLevel.BACKWARD_TRANSITIVE, TWO_FIELDS, v1, v2))
                .contains("{oldSchemaVersion: 1}", "{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}");
        assertThat(check(CompatibilityLevel.FULL, TWO_FIELDS, v1, v2)).isEmpty();
        assertThat(check(CompatibilityLevel.FULL_TRANSITIVE, TWO_FIELDS, v1, v2))
                .contains("{oldSchemaVersion: 1}");
    }

    @Test
    void shouldCompareEveryOlderVersionWhenForwardTransitive() {
        // given v1 with f2 required, v2 with f2 defaulted; candidate drops f2
        String v2 =
                record("{\"name\":\"f1\",\"type\":\"string\"},{\"name\":\"f2\",\"type\":\"string\",\"default\":\"x\"}");

        assertThat(check(CompatibilityLevel.FORWARD, ONE_FIELD, TWO_FIELDS, v2)).isEmpty();
        assertThat(check(CompatibilityLevel.FORWARD_TRANSITIVE, ONE_FIELD, TWO_FIELDS, v2))
                .contains("{oldSchemaVersion: 1}", "{validateFields: 'false', compatibility: 'FORWARD_TRANSITIVE'}");
    }

    @Test
    void shouldAcceptAnythingWhenNoneAndEverythingWithoutHistory() {
        assertThat(check(CompatibilityLevel.NONE, "\"int\"", "\"string\"")).isEmpty();
        for (CompatibilityLevel level : CompatibilityLevel.values()) {
            assertThat(check(level, TWO_FIELDS)).as(level.name()).isEmpty();
        }
    }
}
