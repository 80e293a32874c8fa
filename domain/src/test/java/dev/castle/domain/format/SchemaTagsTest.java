package dev.castle.domain.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.SchemaEntity;
import dev.castle.domain.SchemaType;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tags written into and read out of Avro and JSON Schema texts (Confluent 7.6+ schema tags). */
class SchemaTagsTest {
    private static final SchemaFormats FORMATS = SchemaFormats.standard();

    private static final String RECORD = "{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\",\"fields\":["
            + "{\"name\":\"id\",\"type\":\"long\"},"
            + "{\"name\":\"customer\",\"type\":{\"type\":\"record\",\"name\":\"Customer\",\"fields\":["
            + "{\"name\":\"email\",\"type\":\"string\"}]}}]}";

    static ParsedSchema parse(SchemaType type, String text) {
        return FORMATS.of(type).parse(text, Map.of(), false);
    }

    static Map<SchemaEntity, Set<String>> tags(Object... entityThenTags) {
        Map<SchemaEntity, Set<String>> map = new LinkedHashMap<>();
        for (int i = 0; i < entityThenTags.length; i += 2) {
            map.put((SchemaEntity) entityThenTags[i], new LinkedHashSet<>((List<String>) entityThenTags[i + 1]));
        }
        return map;
    }

    @Test
    void shouldWriteAvroRecordTagsAfterTheFields() {
        ParsedSchema tagged = parse(SchemaType.AVRO, RECORD)
                .withTags(tags(SchemaEntity.record("shop.Order"), List.of("PII", "GDPR")), Map.of());

        assertThat(tagged.canonical())
                .isEqualTo("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"shop\",\"fields\":["
                        + "{\"name\":\"id\",\"type\":\"long\"},"
                        + "{\"name\":\"customer\",\"type\":{\"type\":\"record\",\"name\":\"Customer\",\"fields\":["
                        + "{\"name\":\"email\",\"type\":\"string\"}]}}],"
                        + "\"confluent:tags\":[\"PII\",\"GDPR\"]}");
    }

    @Test
    void shouldTagANestedAvroFieldByRecordNameWithOrWithoutNamespace() {
        ParsedSchema tagged = parse(SchemaType.AVRO, RECORD)
                .withTags(
                        tags(
                                SchemaEntity.field("Customer.email"), List.of("PII"),
                                SchemaEntity.field(".shop.Order.id"), List.of("KEY")),
                        Map.of());

        assertThat(tagged.canonical())
                .contains("{\"name\":\"email\",\"type\":\"string\",\"confluent:tags\":[\"PII\"]}")
                .contains("{\"name\":\"id\",\"type\":\"long\",\"confluent:tags\":[\"KEY\"]}");
        assertThat(tagged.taggedEntities())
                .containsExactly(
                        Map.entry(SchemaEntity.field("shop.Order.id"), Set.of("KEY")),
                        Map.entry(SchemaEntity.field("shop.Customer.email"), Set.of("PII")));
    }

    @Test
    void shouldRemoveTheTagPropertyWhenTheLastTagGoes() {
        ParsedSchema tagged = parse(SchemaType.AVRO, RECORD)
                .withTags(tags(SchemaEntity.record("Order"), List.of("A", "B")), Map.of());

        ParsedSchema oneLeft = tagged.withTags(Map.of(), tags(SchemaEntity.record("Order"), List.of("A")));
        ParsedSchema none = oneLeft.withTags(Map.of(), tags(SchemaEntity.record("Order"), List.of("B")));

        assertThat(oneLeft.canonical()).endsWith("]}}],\"confluent:tags\":[\"B\"]}");
        assertThat(none.canonical()).isEqualTo(parse(SchemaType.AVRO, RECORD).canonical());
    }

    @Test
    void shouldKeepExistingTagsFirstAndAddEachTagOnce() {
        ParsedSchema tagged = parse(SchemaType.AVRO, RECORD)
                .withTags(tags(SchemaEntity.record("Order"), List.of("B")), Map.of())
                .withTags(tags(SchemaEntity.record("Order"), List.of("A", "B")), Map.of());

        assertThat(tagged.taggedEntities()).containsEntry(SchemaEntity.record("shop.Order"), Set.of("B", "A"));
        assertThat(tagged.canonical()).endsWith("\"confluent:tags\":[\"B\",\"A\"]}");
    }

    @Test
    void shouldRefuseAnAvroPathThatNamesNothing() {
        ParsedSchema schema = parse(SchemaType.AVRO, RECORD);

        for (SchemaEntity entity : List.of(
                SchemaEntity.field("does.not.exist"),
                SchemaEntity.field("Order"),
                SchemaEntity.record("other.Order"),
                SchemaEntity.field("Order.missing"))) {
            assertThatThrownBy(() -> schema.withTags(tags(entity, List.of("X")), Map.of()))
                    .isInstanceOf(SchemaTagException.class)
                    .hasMessage("No matching path '" + entity.path() + "' found in the schema");
        }
    }

    @Test
    void shouldTagJsonSchemaObjectsAndProperties() {
        String schema = "{\"type\":\"object\",\"properties\":{"
                + "\"name\":{\"type\":\"string\"},"
                + "\"address\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}}}";

        ParsedSchema tagged = parse(SchemaType.JSON, schema)
                .withTags(
                        tags(
                                SchemaEntity.record("object"), List.of("R"),
                                SchemaEntity.field("object.name"), List.of("PII"),
                                SchemaEntity.field("object.address.object.city"), List.of("LOC")),
                        Map.of());

        assertThat(tagged.canonical())
                .isEqualTo("{\"type\":\"object\",\"properties\":{"
                        + "\"name\":{\"type\":\"string\",\"confluent:tags\":[\"PII\"]},"
                        + "\"address\":{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\","
                        + "\"confluent:tags\":[\"LOC\"]}}}},\"confluent:tags\":[\"R\"]}");
        assertThat(tagged.taggedEntities())
                .containsExactly(
                        Map.entry(SchemaEntity.record("object"), Set.of("R")),
                        Map.entry(SchemaEntity.field("object.name"), Set.of("PII")),
                        Map.entry(SchemaEntity.field("object.address.object.city"), Set.of("LOC")));
    }

    @Test
    void shouldFindJsonSchemaEntitiesThroughArraysNullableTypesAndDefinitions() {
        String schema = "{\"type\":\"object\",\"properties\":{"
                + "\"lines\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"sku\":{}}}},"
                + "\"note\":{\"type\":[\"null\",\"object\"],\"properties\":{\"text\":{}}}},"
                + "\"definitions\":{\"Money\":{\"type\":\"object\",\"properties\":{\"amount\":{}}}}}";

        ParsedSchema tagged = parse(SchemaType.JSON, schema)
                .withTags(
                        tags(
                                SchemaEntity.field("object.lines.array.object.sku"), List.of("A"),
                                SchemaEntity.field("object.note.anyof.1.object.text"), List.of("B"),
                                SchemaEntity.field("object.definitions.Money.object.amount"), List.of("C")),
                        Map.of());

        assertThat(tagged.taggedEntities())
                .containsExactly(
                        Map.entry(SchemaEntity.field("object.lines.array.object.sku"), Set.of("A")),
                        Map.entry(SchemaEntity.field("object.note.anyof.1.object.text"), Set.of("B")),
                        Map.entry(SchemaEntity.field("object.definitions.Money.object.amount"), Set.of("C")));
    }

    @Test
    void shouldNumberJsonSchemaBranchesByKindNotByPosition() {
        String schema = "{\"oneOf\":[{\"type\":\"string\"},{\"type\":\"object\",\"properties\":{\"x\":{}}}]}";

        ParsedSchema tagged = parse(SchemaType.JSON, schema)
                .withTags(tags(SchemaEntity.field("oneof.0.object.x"), List.of("T")), Map.of());

        assertThat(tagged.canonical()).contains("\"x\":{\"confluent:tags\":[\"T\"]}");
    }

    @Test
    void shouldRefuseAJsonSchemaPathThatNamesNothing() {
        ParsedSchema schema = parse(SchemaType.JSON, "{\"type\":\"object\",\"properties\":{\"a\":{}}}");

        for (SchemaEntity entity : List.of(
                SchemaEntity.field("object.b"),
                SchemaEntity.field("a"),
                SchemaEntity.field("anyof.x.object.a"),
                SchemaEntity.field("object.a.object.b"))) {
            assertThatThrownBy(() -> schema.withTags(tags(entity, List.of("X")), Map.of()))
                    .isInstanceOf(SchemaTagException.class)
                    .hasMessage("No matching path '" + entity.path() + "' found in the schema");
        }
    }
}
