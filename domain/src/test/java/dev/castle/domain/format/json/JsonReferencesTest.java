package dev.castle.domain.format.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.format.SchemaParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code $ref}s to schemas of other subjects, named by their reference name (spec §8.1). */
class JsonReferencesTest {
    private static final String CUSTOMER = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
            + "\"address\":{\"$ref\":\"address.json\"}}}";
    private static final String ADDRESS = "{\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},"
            + "\"country\":{\"$ref\":\"country.json#/definitions/code\"}}}";

    private final JsonSchemaFormat format = new JsonSchemaFormat();

    private static String country(String codeType) {
        return "{\"definitions\":{\"code\":{\"type\":\"" + codeType + "\"}}}";
    }

    /** A → B → C, in dependency order as the registry passes them. */
    private ParsedSchema customer(String countryText) {
        Map<String, String> references = new LinkedHashMap<>();
        references.put("country.json", countryText);
        references.put("address.json", ADDRESS);
        return format.parse(CUSTOMER, references, true);
    }

    @Test
    void shouldResolveReferencesTransitively() {
        // given
        ParsedSchema old = customer(country("string"));
        ParsedSchema same = customer(country("string"));
        ParsedSchema changed = customer(country("integer"));

        // then
        assertThat(same.readDifferences(old)).isEmpty();
        assertThat(changed.readDifferences(old))
                .containsExactly("{errorType:\"TYPE_CHANGED\", description:\"A type at path"
                        + " '#/properties/address/properties/country' is different between the {reader} schema and"
                        + " the {writer} schema'}");
    }

    @Test
    void shouldCompareResolvedContentForLookup() {
        // given
        ParsedSchema schema = customer(country("string"));

        // then
        assertThat(schema.sameResolvedSchema(customer(country("string")))).isTrue();
        assertThat(schema.sameResolvedSchema(customer(country("integer")))).isFalse();
        assertThat(schema.canonical()).isEqualTo(customer(country("integer")).canonical());
    }

    @Test
    void shouldResolveReferencesRelativeToTheSchemaId() {
        // given
        String text = "{\"$id\":\"https://example.com/schemas/customer.json\",\"properties\":{\"address\":"
                + "{\"$ref\":\"address.json\"}}}";
        Map<String, String> references = Map.of("https://example.com/schemas/address.json", "{\"type\":\"string\"}");

        // when
        ParsedSchema schema = format.parse(text, references, true);

        // then
        ParsedSchema narrower = format.parse(
                text,
                Map.of("https://example.com/schemas/address.json", "{\"type\":\"string\",\"maxLength\":3}"),
                true);
        assertThat(narrower.readDifferences(schema)).hasSize(1).allMatch(m -> m.contains("MAX_LENGTH_ADDED"));
    }

    @Test
    void shouldRejectAReferenceNoSchemaReferenceNames() {
        assertThatThrownBy(() -> format.parse(CUSTOMER, Map.of(), true))
                .isInstanceOf(SchemaParseException.class)
                .hasMessageContaining("address.json");
    }

    @Test
    void shouldReadAStoredSchemaWhoseReferenceIsGone() {
        // when
        ParsedSchema schema = format.parse(CUSTOMER, Map.of(), false);

        // then: the dangling reference reads as the empty schema
        assertThat(schema.readDifferences(format.parse(CUSTOMER, Map.of(), false)))
                .isEmpty();
    }
}
