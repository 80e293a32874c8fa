package dev.castle.domain.format.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.format.CompatibilityChecker;
import dev.castle.domain.format.CompatibilityChecker.Previous;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.jsonschema.Difference;
import dev.castle.jsonschema.DifferenceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON Schema incompatibilities rendered as Confluent renders them, quirks included (spec §7.4). */
class JsonMessagesTest {
    private static final String OPEN = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";
    private static final String OPEN_WITH_B =
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}," + "\"b\":{\"type\":\"integer\"}}}";

    private static List<String> check(CompatibilityLevel level, String candidate, String old) {
        ParsedSchema previous = Diffs.parse(old);
        return CompatibilityChecker.check(
                level, Diffs.parse(candidate), List.of(new Previous(1, previous.type(), () -> previous)), false);
    }

    @Test
    void shouldRenderBackwardIncompatibilitiesWithNewAsTheReader() {
        // when
        List<String> messages = check(CompatibilityLevel.BACKWARD, OPEN_WITH_B, OPEN);

        // then
        assertThat(messages)
                .containsExactly(
                        "{errorType:\"OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL\", description:\"The new schema has"
                                + " an open content model and has a property or item at path '#/properties/b' which is"
                                + " missing in the old schema'}",
                        "{oldSchemaVersion: 1}",
                        "{oldSchema: '" + OPEN + "'}",
                        "{validateFields: 'false', compatibility: 'BACKWARD'}");
    }

    @Test
    void shouldRenderForwardIncompatibilitiesWithOldAsTheReader() {
        // when
        List<String> messages =
                check(CompatibilityLevel.FORWARD, "{\"type\":\"string\"}", "{\"type\":\"string\",\"maxLength\":3}");

        // then
        assertThat(messages.get(0))
                .isEqualTo("{errorType:\"MAX_LENGTH_ADDED\", description:\"The keyword at path '#/maxLength' in the"
                        + " old schema is not present in the new schema'}");
        assertThat(check(CompatibilityLevel.BACKWARD, "{\"type\":\"string\"}", "{\"type\":\"string\",\"maxLength\":3}"))
                .isEmpty();
    }

    @Test
    void shouldRenderEveryDescriptionFamily() {
        assertThat(new Difference(DifferenceType.MINIMUM_INCREASED, "#/minimum").message("{reader}", "{writer}"))
                .isEqualTo("{errorType:\"MINIMUM_INCREASED\", description:\"The value at path '#/minimum' in the"
                        + " {reader} schema is more than its value in the {writer} schema'}");
        assertThat(new Difference(DifferenceType.MAXIMUM_DECREASED, "#/maximum").message("{reader}", "{writer}"))
                .contains("in the {reader} schema is less than its value in the {writer} schema'}");
        assertThat(new Difference(DifferenceType.PATTERN_CHANGED, "#/pattern").message("{reader}", "{writer}"))
                .contains("The value at path '#/pattern' is different between the {reader} and {writer} schema'}");
        assertThat(new Difference(DifferenceType.SUM_TYPE_NARROWED, "#/").message("{reader}", "{writer}"))
                .contains("An array or combined type at path '#/' has fewer elements in the {reader} schema than"
                        + " the {writer} schema'}");
        assertThat(new Difference(DifferenceType.PRODUCT_TYPE_EXTENDED, "#/").message("{reader}", "{writer}"))
                .contains("has more elements in the {reader} schema than the {writer} schema'}");
        assertThat(new Difference(DifferenceType.TYPE_CHANGED, "#/").message("{reader}", "{writer}"))
                .contains("A type at path '#/' is different between the {reader} schema and the {writer} schema'}");
        assertThat(new Difference(DifferenceType.REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL, "#/p")
                        .message("{reader}", "{writer}"))
                .contains("The {reader} schema has an unopen content model and has a required property at path"
                        + " '#/p' which is missing in the {writer} schema'}");
        assertThat(new Difference(DifferenceType.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL, "#/p")
                        .message("{reader}", "{writer}"))
                .contains("The {reader} has a closed content model and is missing a property or item present at"
                        + " path '#/p' in the {writer} schema'}");
        assertThat(new Difference(DifferenceType.SCHEMA_ADDED, "#/items").message("{reader}", "{writer}"))
                .isEqualTo("{errorType:\"SCHEMA_ADDED\", description:\"'}");
    }

    @Test
    void shouldReportBothDirectionsUnderFull() {
        // when
        List<String> messages = check(CompatibilityLevel.FULL, "{\"type\":\"integer\"}", "{\"type\":\"number\"}");

        // then
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0))
                .startsWith("{errorType:\"TYPE_NARROWED\"")
                .contains("between the new schema and the old");
        assertThat(messages.get(1)).isEqualTo("{oldSchemaVersion: 1}");
    }
}
