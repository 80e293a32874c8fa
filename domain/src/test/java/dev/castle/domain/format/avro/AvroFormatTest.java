package dev.castle.domain.format.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaType;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.format.SchemaFormats;
import dev.castle.domain.format.SchemaParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvroFormatTest {
    private final AvroFormat avro = new AvroFormat();

    private ParsedSchema parse(String text) {
        return avro.parse(text, Map.of(), true);
    }

    @Test
    void shouldPrintPrimitiveInItsShortCanonicalForm() {
        // given a primitive written as an object with whitespace
        String text = "{   \"type\":   \"string\"}";

        // when
        String canonical = parse(text).canonical();

        // then
        assertThat(canonical).isEqualTo("\"string\"");
    }

    @Test
    void shouldPrintRecordCompactlyInAvroPropertyOrderKeepingCustomProperties() {
        // given fields before name, a namespace, and a custom property
        String text = "{\"fields\":[{\"type\":{\"type\":\"int\"},\"name\":\"a\"}],"
                + " \"name\":\"R\", \"namespace\":\"com.acme\", \"type\":\"record\", \"owner\":\"team\"}";

        // when
        String canonical = parse(text).canonical();

        // then
        assertThat(canonical)
                .isEqualTo("{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"com.acme\","
                        + "\"fields\":[{\"name\":\"a\",\"type\":\"int\"}],\"owner\":\"team\"}");
    }

    @Test
    void shouldRejectStringFieldWithNullDefaultWhenValidating() {
        // given the spec §12.5 schema
        String text =
                "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"f\",\"type\":\"string\",\"default\":null}]}";

        // when / then: a new schema is rejected, a stored one still parses
        assertThatThrownBy(() -> avro.parse(text, Map.of(), true))
                .isInstanceOf(SchemaParseException.class)
                .hasMessageContaining("Invalid default for field f");
        assertThat(avro.parse(text, Map.of(), false).canonical()).contains("\"default\":null");
    }

    @Test
    void shouldRejectTextThatIsNotAnAvroSchema() {
        assertThatThrownBy(() -> parse("{\"type\":\"recrod\"}")).isInstanceOf(SchemaParseException.class);
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(SchemaParseException.class);
    }

    @Test
    void shouldResolveReferencedNamedTypesAndPrintThemByNameCanonically() {
        // given C referenced by B referenced by the schema, in dependency order
        Map<String, String> references = new LinkedHashMap<>();
        references.put("ns.C", "{\"type\":\"enum\",\"name\":\"C\",\"namespace\":\"ns\",\"symbols\":[\"X\"]}");
        references.put(
                "ns.B",
                "{\"type\":\"record\",\"name\":\"B\",\"namespace\":\"ns\",\"fields\":[{\"name\":\"c\",\"type\":\"ns.C\"}]}");
        String text =
                "{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"ns\",\"fields\":[{\"name\":\"b\",\"type\":\"B\"}]}";

        // when
        ParsedSchema parsed = avro.parse(text, references, true);

        // then the canonical text names B; the resolved rendering inlines B and C
        assertThat(parsed.canonical())
                .isEqualTo(
                        "{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"ns\",\"fields\":[{\"name\":\"b\",\"type\":\"B\"}]}");
        assertThat(parsed.render("resolved"))
                .isEqualTo("{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"ns\",\"fields\":[{\"name\":\"b\","
                        + "\"type\":{\"type\":\"record\",\"name\":\"B\",\"fields\":[{\"name\":\"c\","
                        + "\"type\":{\"type\":\"enum\",\"name\":\"C\",\"symbols\":[\"X\"]}}]}}]}");
        assertThat(parsed.render("unknown")).isEqualTo(parsed.canonical());
    }

    @Test
    void shouldFailWhenAReferencedNameIsMissing() {
        assertThatThrownBy(() ->
                        parse("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"b\",\"type\":\"B\"}]}"))
                .isInstanceOf(SchemaParseException.class)
                .hasMessageContaining("B");
    }

    @Test
    void shouldNormalizePropertyAndAliasOrderToOneCanonicalText() {
        // given two schemas that differ only in custom property order and alias order
        String first =
                "{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\",\"aliases\":[\"b\",\"a\"],\"z\":1,\"y\":2,"
                        + "\"fields\":[{\"name\":\"f\",\"type\":{\"type\":\"string\",\"q\":true,\"p\":false}}]}";
        String second = "{\"y\":2,\"z\":1,\"name\":\"n.R\",\"type\":\"record\",\"aliases\":[\"a\",\"b\"],"
                + "\"fields\":[{\"type\":{\"p\":false,\"q\":true,\"type\":\"string\"},\"name\":\"f\"}]}";

        // when
        String a = parse(first).normalize().canonical();
        String b = parse(second).normalize().canonical();

        // then
        assertThat(parse(first).canonical()).isNotEqualTo(parse(second).canonical());
        assertThat(a).isEqualTo(b);
        assertThat(a)
                .isEqualTo("{\"type\":\"record\",\"name\":\"R\",\"namespace\":\"n\","
                        + "\"fields\":[{\"name\":\"f\",\"type\":{\"type\":\"string\",\"p\":false,\"q\":true}}],"
                        + "\"y\":2,\"z\":1,\"aliases\":[\"a\",\"b\"]}");
    }

    @Test
    void shouldKeepDefaultsDocsAndLogicalTypesWhenNormalizing() {
        String text = "{\"type\":\"record\",\"name\":\"R\",\"doc\":\"d\",\"fields\":["
                + "{\"name\":\"a\",\"type\":[\"null\",\"long\"],\"default\":null,\"doc\":\"x\"},"
                + "{\"name\":\"b\",\"type\":{\"type\":\"bytes\",\"logicalType\":\"decimal\",\"precision\":4,\"scale\":2}},"
                + "{\"name\":\"c\",\"type\":{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"],\"default\":\"A\"}},"
                + "{\"name\":\"d\",\"type\":\"E\"}]}";

        ParsedSchema parsed = parse(text);

        assertThat(parsed.normalize().canonical()).isEqualTo(parsed.canonical());
    }

    @Test
    void shouldTreatSameSchemaWithReferencesInlinedAsTheSame() {
        // given
        Map<String, String> references = Map.of("B", "{\"type\":\"fixed\",\"name\":\"B\",\"size\":2}");
        ParsedSchema referencing = avro.parse(
                "{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"b\",\"type\":\"B\"}]}", references, true);
        ParsedSchema inlined = parse("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"b\","
                + "\"type\":{\"type\":\"fixed\",\"name\":\"B\",\"size\":2}}]}");
        ParsedSchema other = parse("{\"type\":\"record\",\"name\":\"A\",\"fields\":[{\"name\":\"b\","
                + "\"type\":{\"type\":\"fixed\",\"name\":\"B\",\"size\":3}}]}");

        // then
        assertThat(inlined.sameResolvedSchema(referencing)).isTrue();
        assertThat(other.sameResolvedSchema(referencing)).isFalse();
    }

    @Test
    void shouldHaveAFormatForEverySchemaType() {
        SchemaFormats formats = SchemaFormats.standard();

        for (SchemaType type : SchemaType.values()) {
            assertThat(formats.of(type).type()).isEqualTo(type);
        }
    }

    @Test
    void shouldAnswerUnknownTypeNameWithInvalidSchemaTypeError() {
        assertThatThrownBy(() -> SchemaType.fromName("FOO"))
                .isInstanceOf(RegistryException.class)
                .hasMessage("Invalid schema type FOO")
                .extracting(e -> ((RegistryException) e).errorCode())
                .isEqualTo(ErrorCode.INVALID_SCHEMA);
    }

    @Test
    void shouldNormalizeSchemaUsingATypeNestedInAReference() {
        // given a reference whose record defines enum ns.C inline, and a schema that uses both B and C
        Map<String, String> references = Map.of(
                "ns.B",
                "{\"type\":\"record\",\"name\":\"B\",\"namespace\":\"ns\",\"fields\":[{\"name\":\"c\","
                        + "\"type\":{\"type\":\"enum\",\"name\":\"C\",\"symbols\":[\"X\"]}}]}");
        String text = "{\"type\":\"record\",\"name\":\"A\",\"namespace\":\"ns\",\"fields\":["
                + "{\"name\":\"b\",\"type\":\"B\"},{\"name\":\"c\",\"type\":\"C\"}]}";

        // when
        ParsedSchema parsed = avro.parse(text, references, true);
        ParsedSchema normalized = parsed.normalize();

        // then normalizing does not redefine C, and Avro prints it inline as Confluent does (only B is a reference)
        assertThat(normalized.canonical()).isEqualTo(parsed.canonical());
        assertThat(normalized.canonical()).contains("\"type\":\"B\"").contains("\"name\":\"C\"");
    }
}
