package dev.castle.proto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import org.junit.jupiter.api.Test;

class CustomOptionsTest {

    private static final String TAGGED =
            """
            syntax = "proto3";
            package shop;
            import "confluent/meta.proto";

            message Customer {
              string name = 1;
              string ssn = 2 [(confluent.field_meta) = { doc: "social security number", tags: ["PII", "SENSITIVE"] }];
            }
            """;

    @Test
    void shouldCarryConfluentFieldMetaIntoDescriptor() {
        // given a field tagged the way data contracts tag fields
        ProtoFile file = ProtoFile.parse(TAGGED);

        // when
        Message meta = fieldMeta(file);

        // then
        FieldDescriptor tags = meta.getDescriptorForType().findFieldByName("tags");
        FieldDescriptor doc = meta.getDescriptorForType().findFieldByName("doc");
        assertThat(meta.getField(doc)).isEqualTo("social security number");
        assertThat(meta.getRepeatedFieldCount(tags)).isEqualTo(2);
        assertThat(meta.getRepeatedField(tags, 0)).isEqualTo("PII");
    }

    @Test
    void shouldKeepCustomOptionsThroughSerializedRoundTrip() {
        // given
        ProtoFile original = ProtoFile.parse(TAGGED);

        // when
        ProtoFile fromBase64 = ProtoFile.parse(original.serialized());

        // then
        assertThat(fieldMeta(fromBase64).toByteString())
                .isEqualTo(fieldMeta(original).toByteString());
        assertThat(fromBase64.serialized()).isEqualTo(original.serialized());
    }

    @Test
    void shouldApplyExtensionDeclaredInSameFile() {
        // given a custom scalar option whose extension the file itself declares
        String text = "syntax = \"proto2\"; package p; import \"google/protobuf/descriptor.proto\";"
                + " extend google.protobuf.MessageOptions { optional string table = 51000; }"
                + " message Row { option (table) = \"rows\"; optional int32 id = 1; }";

        // when
        ProtoFile file = ProtoFile.parse(text);

        // then
        var options = file.descriptorProto().getMessageType(0).getOptions();
        FieldDescriptor table = file.fileDescriptor().findExtensionByName("table");
        assertThat(options.getField(table)).isEqualTo("rows");
    }

    private static Message fieldMeta(ProtoFile file) {
        var options = file.fileDescriptor()
                .findMessageTypeByName("Customer")
                .findFieldByName("ssn")
                .getOptions();
        FieldDescriptor extension = options.getAllFields().keySet().stream()
                .filter(FieldDescriptor::isExtension)
                .findFirst()
                .orElseThrow();
        assertThat(extension.getFullName()).isEqualTo("confluent.field_meta");
        Object value = options.getField(extension);
        return value instanceof DynamicMessage ? (DynamicMessage) value : (Message) value;
    }
}
