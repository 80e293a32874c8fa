package dev.castle.proto.internals;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import dev.castle.proto.ProtoParseException;
import java.util.List;

/**
 * Links an unlinked descriptor against its dependencies with protobuf-java (which resolves relative type names and
 * validates the file), then rewrites the proto with every type reference fully qualified, as protoc emits it.
 */
public final class Linker {

    private Linker() {}

    public static FileDescriptor link(
            ProtoFileElement element, FileDescriptorProto unlinked, List<FileDescriptor> dependencies) {
        FileDescriptor linked;
        try {
            linked = FileDescriptor.buildFrom(unlinked, dependencies.toArray(new FileDescriptor[0]));
        } catch (DescriptorValidationException e) {
            throw new ProtoParseException("Invalid schema " + unlinked.getName() + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ProtoParseException("Invalid schema " + unlinked.getName() + ": " + e.getMessage(), e);
        }
        FileDescriptorProto resolved = CustomOptions.apply(element, resolve(unlinked, linked), linked);
        try {
            return FileDescriptor.buildFrom(resolved, dependencies.toArray(new FileDescriptor[0]));
        } catch (DescriptorValidationException e) {
            throw new ProtoParseException("Invalid schema " + unlinked.getName() + ": " + e.getMessage(), e);
        }
    }

    private static FileDescriptorProto resolve(FileDescriptorProto proto, FileDescriptor linked) {
        FileDescriptorProto.Builder out = proto.toBuilder();
        for (int i = 0; i < out.getMessageTypeCount(); i++) {
            out.setMessageType(
                    i, resolve(out.getMessageType(i), linked.getMessageTypes().get(i)));
        }
        for (int i = 0; i < out.getExtensionCount(); i++) {
            out.setExtension(
                    i, resolve(out.getExtension(i), linked.getExtensions().get(i)));
        }
        for (int i = 0; i < out.getServiceCount(); i++) {
            ServiceDescriptorProto.Builder service = out.getServiceBuilder(i);
            for (int m = 0; m < service.getMethodCount(); m++) {
                MethodDescriptor method =
                        linked.getServices().get(i).getMethods().get(m);
                MethodDescriptorProto.Builder builder = service.getMethodBuilder(m);
                builder.setInputType("." + method.getInputType().getFullName());
                builder.setOutputType("." + method.getOutputType().getFullName());
            }
        }
        return out.build();
    }

    private static DescriptorProto resolve(DescriptorProto proto, Descriptor linked) {
        DescriptorProto.Builder out = proto.toBuilder();
        for (int i = 0; i < out.getFieldCount(); i++) {
            out.setField(i, resolve(out.getField(i), linked.getFields().get(i)));
        }
        for (int i = 0; i < out.getExtensionCount(); i++) {
            out.setExtension(
                    i, resolve(out.getExtension(i), linked.getExtensions().get(i)));
        }
        for (int i = 0; i < out.getNestedTypeCount(); i++) {
            out.setNestedType(
                    i, resolve(out.getNestedType(i), linked.getNestedTypes().get(i)));
        }
        return out.build();
    }

    private static FieldDescriptorProto resolve(FieldDescriptorProto proto, FieldDescriptor linked) {
        FieldDescriptorProto.Builder out =
                proto.toBuilder().setType(linked.getType().toProto());
        if (linked.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            out.setTypeName("." + linked.getMessageType().getFullName());
        } else if (linked.getJavaType() == FieldDescriptor.JavaType.ENUM) {
            out.setTypeName("." + linked.getEnumType().getFullName());
        }
        if (linked.isExtension()) {
            out.setExtendee("." + linked.getContainingType().getFullName());
        }
        return out.build();
    }
}
