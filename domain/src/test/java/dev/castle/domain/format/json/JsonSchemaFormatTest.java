package dev.castle.domain.format.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.SchemaType;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.format.SchemaParseException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing, meta-schema validation per draft, canonical text and normalization of JSON schemas (spec §8.2). */
class JsonSchemaFormatTest {
    private final JsonSchemaFormat format = new JsonSchemaFormat();

    private ParsedSchema parse(String text) {
        return format.parse(text, Map.of(), true);
    }

    @Test
    void shouldCompactWhitespaceAndKeepKeyOrderInCanonicalText() {
        // given
        String text = "{ \"type\" : \"object\",\n  \"properties\": { \"b\": {\"type\": \"string\"}, \"a\": {} } }";

        // when
        ParsedSchema schema = parse(text);

        // then
        assertThat(schema.type()).isEqualTo(SchemaType.JSON);
        assertThat(schema.canonical())
                .isEqualTo("{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"string\"},\"a\":{}}}");
        assertThat(schema.render("resolved")).isEqualTo(schema.canonical());
    }

    @Test
    void shouldKeepNumbersExactlyAsWritten() {
        // when
        ParsedSchema schema = parse("{\"type\":\"number\",\"maximum\":1.50,\"minimum\":-3,\"multipleOf\":0.25}");

        // then
        assertThat(schema.canonical())
                .isEqualTo("{\"type\":\"number\",\"maximum\":1.50,\"minimum\":-3,\"multipleOf\":0.25}");
    }

    @Test
    void shouldSortKeysRecursivelyWhenNormalizing() {
        // given
        ParsedSchema schema = parse("{\"type\":\"object\",\"properties\":{\"z\":{\"type\":\"string\",\"enum\":"
                + "[\"b\",\"a\"]},\"a\":{\"type\":\"integer\"}},\"required\":[\"z\",\"a\"]}");

        // when
        ParsedSchema normalized = schema.normalize();

        // then
        assertThat(normalized.canonical())
                .isEqualTo("{\"properties\":{\"a\":{\"type\":\"integer\"},\"z\":{\"enum\":[\"b\",\"a\"],\"type\":"
                        + "\"string\"}},\"required\":[\"z\",\"a\"],\"type\":\"object\"}");
        assertThat(normalized.normalize().canonical()).isEqualTo(normalized.canonical());
        assertThat(normalized.sameResolvedSchema(schema)).isTrue();
    }

    @Test
    void shouldRejectInvalidJson() {
        assertThatThrownBy(() -> parse("{\"type\":"))
                .isInstanceOf(SchemaParseException.class)
                .hasMessageStartingWith("Invalid JSON in the schema");
        assertThatThrownBy(() -> parse("  ")).isInstanceOf(SchemaParseException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://json-schema.org/draft-04/schema#",
                "http://json-schema.org/draft-06/schema#",
                "http://json-schema.org/draft-07/schema#",
                "https://json-schema.org/draft/2019-09/schema",
                "https://json-schema.org/draft/2020-12/schema"
            })
    void shouldValidateAgainstTheDeclaredDraftsMetaSchema(String draft) {
        // given
        String valid = "{\"$schema\":\"" + draft + "\",\"type\":\"string\",\"minLength\":2}";
        String invalid = "{\"$schema\":\"" + draft + "\",\"type\":\"string\",\"minLength\":-2}";

        // then
        assertThat(parse(valid).canonical()).isEqualTo(valid);
        assertThatThrownBy(() -> parse(invalid))
                .isInstanceOf(SchemaParseException.class)
                .hasMessageStartingWith("Invalid JSON Schema: ")
                .hasMessageContaining("minLength");
    }

    @Test
    void shouldApplyDraft4RulesOnlyToDraft4Schemas() {
        // given: draft-04 spells exclusiveMaximum as a boolean, later drafts as a number
        String draft4 = "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"number\",";

        // then
        assertThat(parse(draft4 + "\"maximum\":5,\"exclusiveMaximum\":true}")).isNotNull();
        assertThatThrownBy(() -> parse(draft4 + "\"exclusiveMaximum\":5}")).isInstanceOf(SchemaParseException.class);
        assertThat(parse("{\"type\":\"number\",\"exclusiveMaximum\":5}")).isNotNull();
    }

    @Test
    void shouldUseDraft7WhenNoSchemaIsDeclared() {
        assertThatThrownBy(() -> parse("{\"type\":\"number\",\"exclusiveMaximum\":true}"))
                .isInstanceOf(SchemaParseException.class)
                .hasMessageContaining("exclusiveMaximum");
        assertThatThrownBy(() -> parse("{\"type\":\"strin\"}")).isInstanceOf(SchemaParseException.class);
    }

    @Test
    void shouldAcceptBooleanSchemas() {
        assertThat(parse("true").canonical()).isEqualTo("true");
        assertThat(parse("false").canonical()).isEqualTo("false");
    }

    @Test
    void shouldReadStoredSchemasWithoutValidating() {
        // given: a schema an older registry accepted although its meta-schema does not
        String stored = "{\"type\":\"string\",\"minLength\":-1,\"items\":{\"$ref\":\"#/definitions/missing\"}}";

        // when
        ParsedSchema schema = format.parse(stored, Map.of(), false);

        // then
        assertThat(schema.canonical()).isEqualTo(stored);
        assertThatThrownBy(() -> parse(stored)).isInstanceOf(SchemaParseException.class);
    }

    @Test
    void shouldRejectAnUnresolvableLocalReference() {
        assertThatThrownBy(() -> parse("{\"properties\":{\"a\":{\"$ref\":\"#/definitions/nope\"}}}"))
                .isInstanceOf(SchemaParseException.class)
                .hasMessageContaining("#/definitions/nope");
    }

    @Test
    void shouldLoadRecursiveSchemas() {
        // given
        String tree = "{\"definitions\":{\"node\":{\"type\":\"object\",\"properties\":{\"value\":{\"type\":"
                + "\"string\"},\"children\":{\"type\":\"array\",\"items\":{\"$ref\":\"#/definitions/node\"}}}}},"
                + "\"$ref\":\"#/definitions/node\"}";

        // when
        ParsedSchema schema = parse(tree);

        // then
        assertThat(schema.readDifferences(parse(tree))).isEmpty();
    }
}
