package dev.castle.domain.format;

import static dev.castle.domain.format.SchemaTagsTest.parse;
import static dev.castle.domain.format.SchemaTagsTest.tags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.domain.SchemaEntity;
import dev.castle.domain.SchemaType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tags written into and read out of Protobuf meta options (Confluent 7.6+ schema tags). */
class ProtobufTagsTest {
    private static final String ORDER = "syntax = \"proto3\";\n"
            + "package shop;\n"
            + "\n"
            + "import \"confluent/meta.proto\";\n"
            + "\n"
            + "message Order {\n"
            + "  int64 id = 1 [(confluent.field_meta).tags = \"KEY\"];\n"
            + "  string note = 2 [deprecated = true];\n"
            + "  oneof payment {\n"
            + "    string card = 3;\n"
            + "  }\n"
            + "\n"
            + "  message Line {\n"
            + "    string sku = 1;\n"
            + "  }\n"
            + "}\n";

    @Test
    void shouldWriteMessageAndFieldTagsAsAggregateMetaOptions() {
        ParsedSchema tagged = parse(SchemaType.PROTOBUF, ORDER)
                .withTags(
                        tags(
                                SchemaEntity.record("Order"), List.of("PII"),
                                SchemaEntity.field(".Order.Line.sku"), List.of("A", "B")),
                        Map.of());

        assertThat(tagged.canonical())
                .isEqualTo("syntax = \"proto3\";\n"
                        + "package shop;\n"
                        + "\n"
                        + "import \"confluent/meta.proto\";\n"
                        + "\n"
                        + "message Order {\n"
                        + "  option (confluent.message_meta) = {\n"
                        + "    tags: [\n"
                        + "      \"PII\"\n"
                        + "    ]\n"
                        + "  };\n"
                        + "\n"
                        + "  int64 id = 1 [(confluent.field_meta).tags = \"KEY\"];\n"
                        + "  string note = 2 [deprecated = true];\n"
                        + "\n"
                        + "  oneof payment {\n"
                        + "    string card = 3;\n"
                        + "  }\n"
                        + "\n"
                        + "  message Line {\n"
                        + "    string sku = 1 [(confluent.field_meta) = {\n"
                        + "      tags: [\n"
                        + "        \"A\",\n"
                        + "        \"B\"\n"
                        + "      ]\n"
                        + "    }];\n"
                        + "  }\n"
                        + "}\n");
    }

    @Test
    void shouldMergeShorthandMetaOptionsWithAddedTagsOnce() {
        ParsedSchema tagged = parse(SchemaType.PROTOBUF, ORDER)
                .withTags(tags(SchemaEntity.field("Order.id"), List.of("KEY", "PII")), Map.of());

        assertThat(tagged.canonical())
                .contains("  int64 id = 1 [(confluent.field_meta) = {\n"
                        + "    tags: [\n"
                        + "      \"KEY\",\n"
                        + "      \"PII\"\n"
                        + "    ]\n"
                        + "  }];\n");
        assertThat(tagged.taggedEntities()).containsEntry(SchemaEntity.field("Order.id"), Set.of("KEY", "PII"));
    }

    @Test
    void shouldDropTheMetaOptionWhenItsLastTagIsRemoved() {
        ParsedSchema untagged = parse(SchemaType.PROTOBUF, ORDER)
                .withTags(Map.of(), tags(SchemaEntity.field("Order.id"), List.of("KEY")));

        assertThat(untagged.canonical()).contains("  int64 id = 1;\n");
        assertThat(untagged.taggedEntities()).isEmpty();
    }

    @Test
    void shouldReachOneofFieldsWithOrWithoutTheOneofName() {
        ParsedSchema tagged = parse(SchemaType.PROTOBUF, ORDER)
                .withTags(
                        tags(
                                SchemaEntity.field("Order.card"), List.of("A"),
                                SchemaEntity.field("Order.payment.card"), List.of("B")),
                        Map.of());

        assertThat(tagged.taggedEntities())
                .containsExactly(
                        Map.entry(SchemaEntity.field("Order.card"), Set.of("A", "B")),
                        Map.entry(SchemaEntity.field("Order.id"), Set.of("KEY")));
    }

    @Test
    void shouldNameTheMissingMessageOrField() {
        ParsedSchema schema = parse(SchemaType.PROTOBUF, ORDER);

        assertThatThrownBy(() -> schema.withTags(tags(SchemaEntity.record("Missing"), List.of("X")), Map.of()))
                .isInstanceOf(SchemaTagException.class)
                .hasMessage("No matching Message with name 'Missing' found in the schema");
        assertThatThrownBy(() -> schema.withTags(tags(SchemaEntity.field("Order.nope"), List.of("X")), Map.of()))
                .hasMessage("No matching Field with name 'nope' found in the schema");
        assertThatThrownBy(() -> schema.withTags(tags(SchemaEntity.field("Order"), List.of("X")), Map.of()))
                .hasMessage("No matching Field with name 'Order' found in the schema");
        assertThatThrownBy(() -> schema.withTags(tags(SchemaEntity.field("Order.other.card"), List.of("X")), Map.of()))
                .hasMessage("No matching Field with name 'card' found in the schema");
    }
}
