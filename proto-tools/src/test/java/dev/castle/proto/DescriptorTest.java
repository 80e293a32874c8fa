package dev.castle.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.StructProto;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DescriptorTest {

    @Test
    void shouldBuildLinkedDescriptorWithMapsOneofsAndProto3Optional() {
        // given
        ProtoFile file = ProtoFile.parse(RichSchemas.PROTO3);

        // when
        Descriptor order = file.fileDescriptor().findMessageTypeByName("Order");

        // then
        assertThat(order.findFieldByName("items").isMapField()).isTrue();
        assertThat(order.findFieldByName("card").getRealContainingOneof().getName())
                .isEqualTo("payment");
        assertThat(order.findFieldByName("note").hasPresence()).isTrue();
        assertThat(order.findFieldByName("status").getEnumType().getFullName()).isEqualTo("acme.shop.Order.Status");
        assertThat(order.findFieldByName("extras").getOptions().getDeprecated()).isTrue();
        assertThat(file.descriptorProto().getOptions().getJavaPackage()).isEqualTo("com.acme.shop");
        assertThat(file.descriptorProto().getName()).isEqualTo(ProtoFile.DEFAULT_NAME);
    }

    @Test
    void shouldEncodeMessagesWithTheDescriptor() throws Exception {
        // given a message built from the parsed descriptor
        Descriptor item = ProtoFile.parse(RichSchemas.PROTO3)
                .fileDescriptor()
                .findMessageTypeByName("Order")
                .findNestedTypeByName("Item");
        FieldDescriptor sku = item.findFieldByName("sku");
        DynamicMessage message =
                DynamicMessage.newBuilder(item).setField(sku, "A-1").build();

        // when
        DynamicMessage read = DynamicMessage.parseFrom(item, message.toByteArray());

        // then
        assertThat(read.getField(sku)).isEqualTo("A-1");
    }

    @Test
    void shouldRoundTripSerializedFormat() {
        // given the serialized form of a schema
        ProtoFile original = ProtoFile.parse(RichSchemas.PROTO3);
        String base64 = original.serialized();

        // when the base64 is registered as the schema text
        ProtoFile fromBase64 = ProtoFile.parse(base64);

        // then it reads back as the same schema (names now fully qualified), with the same descriptor bytes
        assertThat(fromBase64.normalizedText()).isEqualTo(original.normalizedText());
        assertThat(fromBase64.serialized()).isEqualTo(base64);
    }

    @Test
    void shouldRoundTripSerializedProto2() {
        // given
        ProtoFile original = ProtoFile.parse(RichSchemas.PROTO2);

        // when
        ProtoFile fromBase64 = ProtoFile.parse(original.serialized());

        // then
        assertThat(fromBase64.normalizedText()).isEqualTo(original.normalizedText());
        assertThat(fromBase64.serialized()).isEqualTo(original.serialized());
    }

    @Test
    void shouldAcceptDescriptorWrittenByAnotherTool() {
        // given protobuf-java's own descriptor of google/protobuf/struct.proto, as a client would send it
        FileDescriptorProto struct = StructProto.getDescriptor().toProto();
        String base64 = Base64.getEncoder().encodeToString(struct.toByteArray());

        // when
        ProtoFile file = ProtoFile.parse(base64);

        // then
        assertThat(file.packageName()).isEqualTo("google.protobuf");
        assertThat(file.canonicalText())
                .contains("map<string, .google.protobuf.Value> fields = 1;")
                .contains("oneof kind {")
                .contains("enum NullValue {");
        FieldDescriptorProto fields = file.descriptorProto().getMessageType(0).getField(0);
        assertThat(fields.getTypeName()).isEqualTo(".google.protobuf.Struct.FieldsEntry");
    }

    @Test
    void shouldResolveDependenciesOfSerializedInput() {
        // given a serialized schema importing a reference
        Map<String, String> deps = Map.of("ref.proto", "syntax = \"proto3\"; package ref; message R { int32 x = 1; }");
        ProtoFile original =
                ProtoFile.parse("syntax = \"proto3\"; import \"ref.proto\"; message M { ref.R r = 1; }", deps);

        // when
        ProtoFile fromBase64 = ProtoFile.parse(original.serialized(), deps);

        // then
        assertThat(fromBase64.imports()).containsExactly("ref.proto");
        assertThat(fromBase64.serialized()).isEqualTo(original.serialized());
    }

    @Test
    void shouldNotMistakeGarbageForBase64Descriptor() {
        assertThatThrownBy(() -> ProtoFile.parse("bm90IGEgZGVzY3JpcHRvcg=="))
                .isInstanceOf(ProtoParseException.class)
                .hasMessageStartingWith("Invalid Protobuf schema");
    }
}
