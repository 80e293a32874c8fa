package dev.castle.domain.format.json;

import static dev.castle.domain.format.json.Diffs.canRead;
import static dev.castle.domain.format.json.Diffs.changes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Golden pairs for objects: open, closed and partially open content models, required properties (spec §7.2). */
class JsonObjectCompatibilityTest {
    private static final String OPEN = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";
    private static final String OPEN_WITH_B =
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}," + "\"b\":{\"type\":\"integer\"}}}";
    private static final String CLOSED =
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}," + "\"additionalProperties\":false}";
    private static final String CLOSED_WITH_B = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},"
            + "\"b\":{\"type\":\"integer\"}},\"additionalProperties\":false}";

    private static String partial(String properties, String patternSchema) {
        return "{\"type\":\"object\",\"properties\":{" + properties + "},\"patternProperties\":{\"^b\":" + patternSchema
                + "},\"additionalProperties\":false}";
    }

    @Test
    void shouldNotLetAnOpenModelConstrainANewProperty() {
        assertThat(changes(OPEN, OPEN_WITH_B))
                .containsExactly("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL #/properties/b");
        assertThat(canRead(OPEN_WITH_B, OPEN)).isFalse();
        assertThat(changes(OPEN_WITH_B, OPEN))
                .containsExactly("PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL #/properties/b");
        assertThat(canRead(OPEN, OPEN_WITH_B)).isTrue();
    }

    @Test
    void shouldLetAnOpenModelGainAPropertyWithTheEmptySchema() {
        // given
        String withAnything = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{}}}";

        // then
        assertThat(changes(OPEN, withAnything))
                .containsExactly("PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL #/properties/b");
        assertThat(canRead(withAnything, OPEN)).isTrue();
    }

    @Test
    void shouldLetAClosedModelGainOptionalPropertiesButNotLoseThem() {
        assertThat(changes(CLOSED, CLOSED_WITH_B))
                .containsExactly("OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b");
        assertThat(canRead(CLOSED_WITH_B, CLOSED)).isTrue();
        assertThat(changes(CLOSED_WITH_B, CLOSED))
                .containsExactly("PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL #/properties/b");
        assertThat(canRead(CLOSED, CLOSED_WITH_B)).isFalse();
    }

    @Test
    void shouldRejectARequiredPropertyWithoutDefaultAddedToAClosedModel() {
        // given
        String requiredB = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":"
                + "\"integer\"}},\"required\":[\"b\"],\"additionalProperties\":false}";
        String requiredBWithDefault = requiredB.replace("\"integer\"}", "\"integer\",\"default\":0}");

        // then
        assertThat(changes(CLOSED, requiredB))
                .containsExactly("REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b");
        assertThat(canRead(requiredB, CLOSED)).isFalse();
        assertThat(changes(CLOSED, requiredBWithDefault))
                .containsExactly("REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b");
        assertThat(canRead(requiredBWithDefault, CLOSED)).isTrue();
    }

    @Test
    void shouldLetAPropertyStopBeingRequiredButNotStartWithoutDefault() {
        // given
        String required = OPEN.replace("}}}", "}},\"required\":[\"a\"]}");
        String requiredWithDefault = required.replace("\"string\"}", "\"string\",\"default\":\"x\"}");

        // then
        assertThat(changes(required, OPEN)).containsExactly("REQUIRED_ATTRIBUTE_REMOVED #/required/a");
        assertThat(canRead(OPEN, required)).isTrue();
        assertThat(changes(OPEN, required)).containsExactly("REQUIRED_ATTRIBUTE_ADDED #/required/a");
        assertThat(canRead(required, OPEN)).isFalse();
        assertThat(changes(OPEN, requiredWithDefault))
                .containsExactly(
                        "REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED #/required/a", "DEFAULT_CHANGED #/properties/a");
        assertThat(canRead(requiredWithDefault, OPEN)).isTrue();
    }

    @Test
    void shouldCompareAPropertyWithThePatternThatCoversIt() {
        // given
        String withB = partial("\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"integer\"}", "{\"type\":\"integer\"}");
        String withoutB = partial("\"a\":{\"type\":\"string\"}", "{\"type\":\"integer\"}");
        String withoutBStrings = partial("\"a\":{\"type\":\"string\"}", "{\"type\":\"string\"}");

        // then
        assertThat(changes(withB, withoutB))
                .containsExactly("PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b");
        assertThat(canRead(withoutB, withB)).isTrue();
        assertThat(changes(withB, withoutBStrings))
                .containsExactly(
                        "TYPE_CHANGED #/properties/b",
                        "PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b");
        assertThat(canRead(withoutBStrings, withB)).isFalse();
        assertThat(changes(withoutB, withB))
                .containsExactly(
                        "PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL #/properties/b",
                        "OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL #/properties/b");
        assertThat(canRead(withB, withoutB)).isTrue();
    }

    @Test
    void shouldCompareAdditionalPropertiesSchemas() {
        // given
        String strings = "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}";
        String anything = "{\"type\":\"object\"}";
        String none = "{\"type\":\"object\",\"additionalProperties\":false}";

        // then
        assertThat(changes(strings, anything)).containsExactly("ADDITIONAL_PROPERTIES_EXTENDED #/additionalProperties");
        assertThat(canRead(anything, strings)).isTrue();
        assertThat(changes(anything, strings)).containsExactly("ADDITIONAL_PROPERTIES_NARROWED #/additionalProperties");
        assertThat(canRead(strings, anything)).isFalse();
        assertThat(changes(none, anything)).containsExactly("ADDITIONAL_PROPERTIES_ADDED #/additionalProperties");
        assertThat(changes(anything, none)).containsExactly("ADDITIONAL_PROPERTIES_REMOVED #/additionalProperties");
        assertThat(canRead(none, anything)).isFalse();
    }

    @Test
    void shouldCompareDependenciesAndPropertyCounts() {
        // given
        String before = "{\"type\":\"object\",\"dependencies\":{\"a\":[\"b\",\"c\"]},\"maxProperties\":3}";
        String after =
                "{\"type\":\"object\",\"dependencies\":{\"a\":[\"b\"]},\"maxProperties\":2," + "\"minProperties\":1}";

        // then
        assertThat(changes(before, after))
                .containsExactly(
                        "DEPENDENCY_ARRAY_NARROWED #/dependencies/a",
                        "MAX_PROPERTIES_DECREASED #/maxProperties",
                        "MIN_PROPERTIES_ADDED #/minProperties");
        assertThat(changes(after, before))
                .containsExactly(
                        "DEPENDENCY_ARRAY_EXTENDED #/dependencies/a",
                        "MAX_PROPERTIES_INCREASED #/maxProperties",
                        "MIN_PROPERTIES_REMOVED #/minProperties");
        assertThat(canRead(before, after)).isFalse();
    }
}
