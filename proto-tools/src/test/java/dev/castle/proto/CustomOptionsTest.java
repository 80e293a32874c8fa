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

    @Test
    void shouldLeaveOptionsUnsetWhereNoneAreWritten() {
        // given a file with a custom option on one field only
        ProtoFile file = ProtoFile.parse(TAGGED);

        // when
        var fields = file.descriptorProto().getMessageType(0).getFieldList();

        // then
        assertThat(fields.get(0).hasOptions()).isFalse();
        assertThat(fields.get(1).hasOptions()).isTrue();
    }

    @Test
    void shouldRoundTripOptionsOnEveryKindOfDeclaration() {
        // given custom and standard options on the file, messages, enums, values, services and methods
        String text =
                """
                syntax = "proto3";
                package com.acme;
                import "confluent/meta.proto";
                option (confluent.file_meta) = { doc: "file" };
                option java_outer_classname = "Outer";
                message Outer {
                  option (confluent.message_meta).doc = "outer";
                  enum Kind {
                    UNKNOWN = 0 [(confluent.enum_value_meta) = { tags: "x" }];
                    BIG = 1 [deprecated = true];
                  }
                  Kind kind = 1;
                }
                service Svc {
                  option deprecated = true;
                  rpc Get (Outer) returns (Outer) { option idempotency_level = NO_SIDE_EFFECTS; }
                }
                """;
        ProtoFile original = ProtoFile.parse(text);

        // when
        ProtoFile fromBase64 = ProtoFile.parse(original.serialized());

        // then
        assertThat(fromBase64.serialized()).isEqualTo(original.serialized());
        assertThat(original.descriptorProto().getMessageType(0).getOptions().getAllFields())
                .hasSize(1);
        assertThat(original.descriptorProto()
                        .getService(0)
                        .getMethod(0)
                        .getOptions()
                        .hasIdempotencyLevel())
                .isTrue();
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
