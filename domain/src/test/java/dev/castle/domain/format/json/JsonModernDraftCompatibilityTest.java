package dev.castle.domain.format.json;

import static dev.castle.domain.format.json.Diffs.canRead;
import static dev.castle.domain.format.json.Diffs.changes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Golden pairs for 2019-09/2020-12 keywords and for recursive schemas (spec §7.2). */
class JsonModernDraftCompatibilityTest {
    private static final String DRAFT_2020 = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",";

    private static String object(String properties, String unevaluated) {
        return DRAFT_2020 + "\"type\":\"object\",\"properties\":{" + properties + "}" + unevaluated + "}";
    }

    @Test
    void shouldTreatUnevaluatedPropertiesFalseAsAClosedModel() {
        // given
        String closed = object("\"a\":{\"type\":\"string\"}", ",\"unevaluatedProperties\":false");
        String closedWithB =
                object("\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"integer\"}", ",\"unevaluatedProperties\":false");

        // then
        assertThat(changes(closed, closedWithB))
                .containsExactly("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b");
        assertThat(canRead(closedWithB, closed)).isTrue();
        assertThat(changes(closedWithB, closed))
                .containsExactly("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/b");
        assertThat(canRead(closed, closedWithB)).isFalse();
    }

    @Test
    void shouldCoverPropertiesWithAnUnevaluatedPropertiesSchema() {
        // given
        String partial = object("\"a\":{\"type\":\"string\"}", ",\"unevaluatedProperties\":{\"type\":\"integer\"}");
        String withB = object(
                "\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"integer\"}",
                ",\"unevaluatedProperties\":{\"type\":\"integer\"}");
        String withStringB = object(
                "\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}",
                ",\"unevaluatedProperties\":{\"type\":\"integer\"}");

        // then
        assertThat(changes(partial, withB))
                .containsExactly(
                        "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b",
                        "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b");
        assertThat(canRead(withB, partial)).isTrue();
        assertThat(canRead(withStringB, partial)).isFalse();
    }

    @Test
    void shouldCompareUnevaluatedKeywordsThemselves() {
        // given
        String open = object("", "");
        String closed = object("", ",\"unevaluatedProperties\":false");

        // then
        assertThat(changes(open, closed)).containsExactly("UNEVALUATED_PROPERTIES_REMOVED #/unevaluatedProperties");
        assertThat(canRead(closed, open)).isFalse();
        assertThat(changes(closed, open)).containsExactly("UNEVALUATED_PROPERTIES_ADDED #/unevaluatedProperties");
        assertThat(canRead(open, closed)).isTrue();
    }

    @Test
    void shouldCompareContainsCounts() {
        // given
        String few = DRAFT_2020 + "\"type\":\"array\",\"contains\":{\"type\":\"string\"},\"minContains\":1,"
                + "\"maxContains\":3}";
        String many = DRAFT_2020 + "\"type\":\"array\",\"contains\":{\"type\":\"string\"},\"minContains\":2,"
                + "\"maxContains\":2}";

        // then
        assertThat(changes(few, many))
                .containsExactly("MAX_CONTAINS_DECREASED #/maxContains", "MIN_CONTAINS_INCREASED #/minContains");
        assertThat(canRead(many, few)).isFalse();
        assertThat(canRead(few, many)).isTrue();
    }

    @Test
    void shouldFindAChangeInsideARecursiveDefinition() {
        // given
        String tree = "{\"definitions\":{\"node\":{\"type\":\"object\",\"properties\":{\"value\":{\"type\":\"%s\"},"
                + "\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/definitions/node\"}}}}},"
                + "\"$ref\":\"#/definitions/node\"}";
        String strings = String.format(tree, "string");
        String integers = String.format(tree, "integer");
        String numbers = String.format(tree, "number");

        // then
        assertThat(changes(strings, strings)).isEmpty();
        // the second pass replays the pair found incompatible where the cycle re-enters it, as Confluent's does
        assertThat(changes(strings, integers))
                .containsExactly(
                        "TYPE_CHANGED #/properties/children/items/properties/value", "TYPE_CHANGED #/properties/value");
        assertThat(changes(integers, numbers)).containsExactly("TYPE_EXTENDED #/properties/value");
        assertThat(canRead(numbers, integers)).isTrue();
        assertThat(canRead(integers, numbers)).isFalse();
    }

    @Test
    void shouldNotLetACycleAssumedCompatibleHideAnIncompatibility() {
        // given: T0 -> T2 -> T0 is a cycle behind a oneOf; only the ids of T0 and T1 change
        String schema = "{\"definitions\":{"
                + "\"T0\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"%s\"},\"ref\":{\"oneOf\":[{\"$ref\":"
                + "\"#/definitions/T2\"}]}}},"
                + "\"T1\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"%s\"},\"ref\":{\"oneOf\":[{\"$ref\":"
                + "\"#/definitions/T2\"}]}}},"
                + "\"T2\":{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"},"
                + "\"ref\":{\"oneOf\":[{\"$ref\":\"#/definitions/T0\"}]}}}},"
                + "\"oneOf\":[{\"$ref\":\"#/definitions/T0\"},{\"$ref\":\"#/definitions/T1\"}]}";

        // then
        assertThat(canRead(String.format(schema, "boolean", "number"), String.format(schema, "integer", "boolean")))
                .isFalse();
        assertThat(canRead(String.format(schema, "integer", "boolean"), String.format(schema, "integer", "boolean")))
                .isTrue();
    }

    @Test
    void shouldTreatConnectBytesAsTheSameTypeWhateverItsJsonType() {
        // given
        String asString = "{\"type\":\"string\",\"connect.type\":\"bytes\"}";
        String asArray = "{\"type\":\"array\",\"connect.type\":\"bytes\"}";

        // then
        assertThat(changes(asString, asArray)).isEmpty();
        assertThat(changes("{\"type\":\"string\"}", asArray)).containsExactly("TYPE_CHANGED #/");
    }
}
