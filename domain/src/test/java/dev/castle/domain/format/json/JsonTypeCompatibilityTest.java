package dev.castle.domain.format.json;

import static dev.castle.domain.format.json.Diffs.canRead;
import static dev.castle.domain.format.json.Diffs.changes;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Golden pairs for types, enums, limits, arrays, combinations and {@code not} (spec §7.2). */
class JsonTypeCompatibilityTest {

    private static String typed(String type, String keywords) {
        return "{\"type\":\"" + type + "\"" + keywords + "}";
    }

    @Test
    void shouldTreatIntegerAsANarrowerNumber() {
        assertThat(changes(typed("integer", ""), typed("number", ""))).containsExactly("TYPE_EXTENDED #/");
        assertThat(canRead(typed("number", ""), typed("integer", ""))).isTrue();
        assertThat(changes(typed("number", ""), typed("integer", ""))).containsExactly("TYPE_NARROWED #/");
        assertThat(canRead(typed("integer", ""), typed("number", ""))).isFalse();
    }

    @Test
    void shouldRejectAChangedTypeInBothDirections() {
        assertThat(changes(typed("string", ""), typed("boolean", ""))).containsExactly("TYPE_CHANGED #/");
        assertThat(canRead(typed("string", ""), typed("boolean", ""))).isFalse();
        assertThat(canRead(typed("boolean", ""), typed("string", ""))).isFalse();
    }

    @Test
    void shouldLetAnUnconstrainedReaderReadAnything() {
        assertThat(changes(typed("string", ""), "{}")).isEmpty();
        assertThat(changes("{}", typed("string", ""))).containsExactly("TYPE_CHANGED #/");
    }

    @Test
    void shouldTreatATypeListAsAUnion() {
        // given
        String string = typed("string", "");
        String nullableString = "{\"type\":[\"string\",\"null\"]}";

        // then
        assertThat(changes(string, nullableString)).containsExactly("SUM_TYPE_EXTENDED #/");
        assertThat(canRead(nullableString, string)).isTrue();
        assertThat(changes(nullableString, string)).containsExactly("TYPE_CHANGED #/");
        assertThat(canRead(string, nullableString)).isFalse();
    }

    @Test
    void shouldAllowEnumsToGrowButNotShrink() {
        // given
        String ab = "{\"enum\":[\"a\",\"b\"]}";
        String abc = "{\"enum\":[\"a\",\"b\",\"c\"]}";
        String ad = "{\"enum\":[\"a\",\"d\"]}";

        // then
        assertThat(changes(ab, abc)).containsExactly("ENUM_ARRAY_EXTENDED #/enum");
        assertThat(changes(abc, ab)).containsExactly("ENUM_ARRAY_NARROWED #/enum");
        assertThat(changes(ab, ad)).containsExactly("ENUM_ARRAY_CHANGED #/enum");
        assertThat(canRead(abc, ab)).isTrue();
        assertThat(canRead(ab, abc)).isFalse();
    }

    @Test
    void shouldAllowStringLimitsToLoosenButNotTighten() {
        // given
        String tight = typed("string", ",\"minLength\":2,\"maxLength\":5,\"pattern\":\"^a\"");
        String loose = typed("string", ",\"minLength\":1,\"maxLength\":9");

        // then
        assertThat(changes(tight, loose))
                .containsExactly(
                        "MAX_LENGTH_INCREASED #/maxLength",
                        "MIN_LENGTH_DECREASED #/minLength",
                        "PATTERN_REMOVED #/pattern");
        assertThat(canRead(loose, tight)).isTrue();
        assertThat(changes(loose, tight))
                .containsExactly(
                        "MAX_LENGTH_DECREASED #/maxLength",
                        "MIN_LENGTH_INCREASED #/minLength",
                        "PATTERN_ADDED #/pattern");
        assertThat(canRead(tight, loose)).isFalse();
    }

    @Test
    void shouldAllowNumericLimitsToLoosenButNotTighten() {
        // given
        String tight = typed("number", ",\"minimum\":0,\"maximum\":10,\"exclusiveMaximum\":10,\"multipleOf\":4");
        String loose = typed("number", ",\"minimum\":-1.5,\"maximum\":10.0,\"multipleOf\":2");

        // then
        assertThat(changes(tight, loose))
                .containsExactly(
                        "MINIMUM_DECREASED #/minimum",
                        "EXCLUSIVE_MAXIMUM_REMOVED #/exclusiveMaximum",
                        "MULTIPLE_OF_REDUCED #/multipleOf");
        assertThat(canRead(loose, tight)).isTrue();
        assertThat(changes(loose, tight))
                .containsExactly(
                        "MINIMUM_INCREASED #/minimum",
                        "EXCLUSIVE_MAXIMUM_ADDED #/exclusiveMaximum",
                        "MULTIPLE_OF_EXPANDED #/multipleOf");
        assertThat(canRead(tight, loose)).isFalse();
    }

    @Test
    void shouldCompareArrayItemsAndCounts() {
        // given
        String strings = typed("array", ",\"items\":{\"type\":\"string\"},\"maxItems\":3,\"uniqueItems\":true");
        String anything = typed("array", ",\"maxItems\":4");

        // then
        assertThat(changes(strings, anything))
                .containsExactly(
                        "SCHEMA_REMOVED #/items",
                        "MAX_ITEMS_INCREASED #/maxItems",
                        "UNIQUE_ITEMS_REMOVED #/uniqueItems");
        assertThat(canRead(anything, strings)).isTrue();
        assertThat(changes(anything, strings))
                .containsExactly(
                        "SCHEMA_ADDED #/items", "MAX_ITEMS_DECREASED #/maxItems", "UNIQUE_ITEMS_ADDED #/uniqueItems");
        assertThat(canRead(strings, anything)).isFalse();
    }

    @Test
    void shouldCompareTupleItemsByPosition() {
        // given
        String pair =
                typed("array", ",\"items\":[{\"type\":\"string\"},{\"type\":\"integer\"}],\"additionalItems\":false");
        String single = typed("array", ",\"items\":[{\"type\":\"string\"}],\"additionalItems\":false");
        String openSingle = typed("array", ",\"items\":[{\"type\":\"string\"}]");

        // then
        assertThat(changes(single, pair)).containsExactly("ITEM_ADDED_TO_CLOSED_CONTENT_MODEL #/items/1");
        assertThat(canRead(pair, single)).isTrue();
        assertThat(changes(pair, single)).containsExactly("ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL #/items/1");
        assertThat(canRead(single, pair)).isFalse();
        assertThat(changes(openSingle, pair))
                .containsExactly(
                        "ITEM_ADDED_TO_OPEN_CONTENT_MODEL #/items/1", "ADDITIONAL_ITEMS_REMOVED #/additionalItems");
        assertThat(canRead(pair, openSingle)).isFalse();
    }

    @Test
    void shouldReadDraft2020PrefixItemsAsTuples() {
        // given
        String draft = "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"array\",";
        String pair = draft + "\"prefixItems\":[{\"type\":\"string\"},{\"type\":\"integer\"}],\"items\":false}";
        String single = draft + "\"prefixItems\":[{\"type\":\"string\"}],\"items\":false}";

        // then
        assertThat(changes(pair, single)).containsExactly("ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL #/items/1");
        assertThat(canRead(pair, single)).isTrue();
    }

    @Test
    void shouldLetAUnionGrowButNotShrink() {
        // given
        String two = "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}";
        String three = "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"},{\"type\":\"boolean\"}]}";

        // then
        assertThat(changes(two, three)).containsExactly("SUM_TYPE_EXTENDED #/");
        assertThat(canRead(three, two)).isTrue();
        assertThat(changes(three, two)).containsExactly("SUM_TYPE_NARROWED #/");
        assertThat(canRead(two, three)).isFalse();
    }

    @Test
    void shouldLetAProductShrinkButNotGrow() {
        // given
        String two = "{\"allOf\":[{\"type\":\"string\"},{\"maxLength\":5}]}";
        String one = "{\"allOf\":[{\"type\":\"string\"}]}";

        // then
        assertThat(changes(two, one)).containsExactly("PRODUCT_TYPE_NARROWED #/");
        assertThat(canRead(one, two)).isTrue();
        assertThat(changes(one, two)).containsExactly("PRODUCT_TYPE_EXTENDED #/");
        assertThat(canRead(two, one)).isFalse();
    }

    @Test
    void shouldOnlyWidenTheCriterionOfACombination() {
        // given
        String oneOf = "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}";
        String anyOf = oneOf.replace("oneOf", "anyOf");
        String allOf = oneOf.replace("oneOf", "allOf");

        // then
        assertThat(changes(oneOf, anyOf)).containsExactly("COMBINED_TYPE_EXTENDED #/");
        assertThat(canRead(anyOf, oneOf)).isTrue();
        assertThat(changes(anyOf, allOf)).containsExactly("COMBINED_TYPE_CHANGED #/");
        assertThat(canRead(allOf, anyOf)).isFalse();
    }

    @Test
    void shouldMatchChangedSubschemasOfACombination() {
        // given
        String before = "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"integer\"}]}";
        String after = "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"boolean\"}]}";

        // then
        assertThat(changes(before, after)).containsExactly("COMBINED_TYPE_SUBSCHEMAS_CHANGED #/");
        assertThat(canRead(after, before)).isFalse();
    }

    @Test
    void shouldReverseTheDirectionUnderNot() {
        // given
        String notString = "{\"not\":{\"type\":\"string\"}}";
        String notShortString = "{\"not\":{\"type\":\"string\",\"maxLength\":3}}";

        // then
        assertThat(changes(notString, notShortString)).containsExactly("NOT_TYPE_NARROWED #/not");
        assertThat(canRead(notShortString, notString)).isTrue();
        assertThat(changes(notShortString, notString)).containsExactly("NOT_TYPE_EXTENDED #/not");
        assertThat(canRead(notString, notShortString)).isFalse();
    }

    @Test
    void shouldReportChangedAnnotationsAsCompatible() {
        // given
        String before = "{\"$id\":\"a\",\"title\":\"t\",\"description\":\"d\",\"type\":\"string\",\"default\":\"x\"}";
        String after = "{\"$id\":\"b\",\"title\":\"u\",\"description\":\"e\",\"type\":\"string\",\"default\":\"y\"}";

        // then
        assertThat(changes(before, after))
                .containsExactly("ID_CHANGED #/", "TITLE_CHANGED #/", "DESCRIPTION_CHANGED #/", "DEFAULT_CHANGED #/");
        assertThat(canRead(after, before)).isTrue();
    }
}
