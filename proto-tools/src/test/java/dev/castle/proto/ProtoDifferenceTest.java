package dev.castle.proto;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProtoDifferenceTest {

    @Test
    void shouldClassifyExactlyConfluentsCompatibleChanges() {
        // given the compatible changes of Confluent's Protobuf rules (spec 7.2)
        Set<ProtoDifference.Type> expected = EnumSet.of(
                ProtoDifference.Type.MESSAGE_ADDED,
                ProtoDifference.Type.MESSAGE_MOVED,
                ProtoDifference.Type.ENUM_ADDED,
                ProtoDifference.Type.ENUM_REMOVED,
                ProtoDifference.Type.ENUM_CONST_ADDED,
                ProtoDifference.Type.ENUM_CONST_CHANGED,
                ProtoDifference.Type.ENUM_CONST_REMOVED,
                ProtoDifference.Type.FIELD_ADDED,
                ProtoDifference.Type.FIELD_REMOVED,
                ProtoDifference.Type.FIELD_NAME_CHANGED,
                ProtoDifference.Type.FIELD_STRING_OR_BYTES_LABEL_CHANGED,
                ProtoDifference.Type.ONEOF_ADDED,
                ProtoDifference.Type.ONEOF_REMOVED,
                ProtoDifference.Type.ONEOF_FIELD_ADDED);

        // when
        Set<ProtoDifference.Type> compatible = Arrays.stream(ProtoDifference.Type.values())
                .filter(ProtoDifference.Type::compatible)
                .collect(Collectors.toSet());

        // then
        assertThat(compatible).isEqualTo(expected);
        assertThat(ProtoDifference.Type.values()).hasSize(25);
    }

    @Test
    void shouldPutPathAndBothLabelsIntoEveryDescription() {
        for (ProtoDifference.Type type : ProtoDifference.Type.values()) {
            // when
            String description = type.describe("#/M/1", "NEWLABEL", "OLDLABEL");

            // then
            assertThat(description)
                    .as(type.name())
                    .contains("'#/M/1'")
                    .containsIgnoringCase("the NEWLABEL schema")
                    .containsIgnoringCase("the OLDLABEL schema");
            assertThat(description.indexOf("NEWLABEL")).as(type.name()).isLessThan(description.indexOf("OLDLABEL"));
        }
    }

    @Test
    void shouldRenderConfluentMessageForm() {
        // given
        ProtoDifference difference = new ProtoDifference(
                ProtoDifference.Type.FIELD_KIND_CHANGED,
                "#/M/1",
                ProtoDifference.Type.FIELD_KIND_CHANGED.describe("#/M/1", "new", "old"));

        // when / then
        assertThat(difference.render())
                .isEqualTo("{errorType:\"FIELD_KIND_CHANGED\", description:\"The type of a field at path '#/M/1' in"
                        + " the new schema does not match the old schema\"}");
    }
}
