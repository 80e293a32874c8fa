package dev.castle.proto.internals;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.squareup.wire.Syntax;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import dev.castle.proto.ProtoParseException;
import kotlin.ranges.IntRange;

/**
 * Builds an unlinked {@code FileDescriptorProto} from the syntax tree: named types stay as written (relative) and
 * are resolved afterwards by protobuf-java's linker (see {@link Linker}).
 */
public final class DescriptorBuilder {

    private DescriptorBuilder() {}

    public static FileDescriptorProto build(ProtoFileElement file, String name) {
        try {
            return buildUnchecked(file, name);
        } catch (ProtoParseException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProtoParseException("Invalid schema " + name + ": " + e.getMessage(), e);
        }
    }

    private static FileDescriptorProto buildUnchecked(ProtoFileElement file, String name) {
        boolean proto3 = file.getSyntax() == Syntax.PROTO_3;
        FileDescriptorProto.Builder out = FileDescriptorProto.newBuilder().setName(name);
        if (file.getPackageName() != null) {
            out.setPackage(file.getPackageName());
        }
        if (proto3) {
            out.setSyntax("proto3");
        }
        file.getImports().forEach(out::addDependency);
        for (String path : file.getPublicImports()) {
            out.addPublicDependency(out.getDependencyCount());
            out.addDependency(path);
        }
        for (String path : file.getWeakImports()) {
            out.addWeakDependency(out.getDependencyCount());
            out.addDependency(path);
        }
        for (TypeElement type : file.getTypes()) {
            if (type instanceof MessageElement) {
                out.addMessageType(message((MessageElement) type, proto3));
            } else if (type instanceof EnumElement) {
                out.addEnumType(enumType((EnumElement) type));
            }
        }
        file.getServices().forEach(service -> out.addService(service(service)));
        for (ExtendElement extend : file.getExtendDeclarations()) {
            FieldBuilder fields = new FieldBuilder(proto3);
            extend.getFields().forEach(f -> out.addExtension(fields.field(f).setExtendee(extend.getName())));
        }
        OptionSetter.apply(file.getOptions(), out.getOptionsBuilder());
        if (out.getOptions().getAllFields().isEmpty()) {
            out.clearOptions();
        }
        return out.build();
    }

    static DescriptorProto message(MessageElement message, boolean proto3) {
        DescriptorProto.Builder out = DescriptorProto.newBuilder().setName(message.getName());
        FieldBuilder fields = new FieldBuilder(proto3);
        message.getFields().forEach(f -> out.addField(fields.field(f)));
        for (int i = 0; i < message.getOneOfs().size(); i++) {
            var oneOf = message.getOneOfs().get(i);
            var decl = out.addOneofDeclBuilder().setName(oneOf.getName());
            OptionSetter.apply(oneOf.getOptions(), decl.getOptionsBuilder());
            int index = i;
            oneOf.getFields().forEach(f -> out.addField(fields.field(f).setOneofIndex(index)));
            oneOf.getGroups().forEach(g -> out.addField(fields.group(g).setOneofIndex(index)));
        }
        message.getGroups().forEach(g -> out.addField(fields.group(g)));
        addSyntheticOneOfs(out);
        for (TypeElement nested : message.getNestedTypes()) {
            if (nested instanceof MessageElement) {
                out.addNestedType(message((MessageElement) nested, proto3));
            } else if (nested instanceof EnumElement) {
                out.addEnumType(enumType((EnumElement) nested));
            }
        }
        fields.generatedTypes().forEach(out::addNestedType);
        addReserved(message.getReserveds(), out);
        for (var extensions : message.getExtensions()) {
            for (Object value : extensions.getValues()) {
                int[] range = range(value);
                out.addExtensionRangeBuilder().setStart(range[0]).setEnd(range[1] + 1);
            }
        }
        for (ExtendElement extend : message.getExtendDeclarations()) {
            extend.getFields().forEach(f -> out.addExtension(fields.field(f).setExtendee(extend.getName())));
        }
        OptionSetter.apply(message.getOptions(), out.getOptionsBuilder());
        if (out.getOptions().getAllFields().isEmpty()) {
            out.clearOptions();
        }
        return out.build();
    }

    /** proto3 {@code optional} fields each live in a synthetic oneof, declared after the real ones. */
    private static void addSyntheticOneOfs(DescriptorProto.Builder out) {
        for (FieldDescriptorProto.Builder field : out.getFieldBuilderList()) {
            if (field.getProto3Optional()) {
                field.setOneofIndex(out.getOneofDeclCount());
                out.addOneofDeclBuilder().setName("_" + field.getName());
            }
        }
    }

    private static void addReserved(java.util.List<ReservedElement> reserveds, DescriptorProto.Builder out) {
        for (ReservedElement reserved : reserveds) {
            for (Object value : reserved.getValues()) {
                if (value instanceof String) {
                    out.addReservedName((String) value);
                } else {
                    int[] range = range(value);
                    out.addReservedRangeBuilder().setStart(range[0]).setEnd(range[1] + 1);
                }
            }
        }
    }

    static int[] range(Object value) {
        if (value instanceof IntRange) {
            IntRange range = (IntRange) value;
            return new int[] {range.getFirst(), range.getLast()};
        }
        int single = (Integer) value;
        return new int[] {single, single};
    }

    static EnumDescriptorProto enumType(EnumElement element) {
        EnumDescriptorProto.Builder out = EnumDescriptorProto.newBuilder().setName(element.getName());
        for (EnumConstantElement constant : element.getConstants()) {
            EnumValueDescriptorProto.Builder value =
                    out.addValueBuilder().setName(constant.getName()).setNumber(constant.getTag());
            OptionSetter.apply(constant.getOptions(), value.getOptionsBuilder());
            if (value.getOptions().getAllFields().isEmpty()) {
                value.clearOptions();
            }
        }
        for (ReservedElement reserved : element.getReserveds()) {
            for (Object value : reserved.getValues()) {
                if (value instanceof String) {
                    out.addReservedName((String) value);
                } else {
                    int[] range = range(value);
                    out.addReservedRangeBuilder().setStart(range[0]).setEnd(range[1]);
                }
            }
        }
        OptionSetter.apply(element.getOptions(), out.getOptionsBuilder());
        if (out.getOptions().getAllFields().isEmpty()) {
            out.clearOptions();
        }
        return out.build();
    }

    private static ServiceDescriptorProto service(ServiceElement service) {
        ServiceDescriptorProto.Builder out = ServiceDescriptorProto.newBuilder().setName(service.getName());
        for (RpcElement rpc : service.getRpcs()) {
            MethodDescriptorProto.Builder method = out.addMethodBuilder()
                    .setName(rpc.getName())
                    .setInputType(rpc.getRequestType())
                    .setOutputType(rpc.getResponseType());
            if (rpc.getRequestStreaming()) {
                method.setClientStreaming(true);
            }
            if (rpc.getResponseStreaming()) {
                method.setServerStreaming(true);
            }
            OptionSetter.apply(rpc.getOptions(), method.getOptionsBuilder());
            if (method.getOptions().getAllFields().isEmpty()) {
                method.clearOptions();
            }
        }
        OptionSetter.apply(service.getOptions(), out.getOptionsBuilder());
        if (out.getOptions().getAllFields().isEmpty()) {
            out.clearOptions();
        }
        return out.build();
    }
}
