package dev.castle.proto.internals;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.ProtoType;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Field descriptors of one message; collects the synthetic map-entry and group types it needs. */
final class FieldBuilder {

    private static final Map<String, Type> SCALARS = Map.ofEntries(
            Map.entry("double", Type.TYPE_DOUBLE),
            Map.entry("float", Type.TYPE_FLOAT),
            Map.entry("int64", Type.TYPE_INT64),
            Map.entry("uint64", Type.TYPE_UINT64),
            Map.entry("int32", Type.TYPE_INT32),
            Map.entry("fixed64", Type.TYPE_FIXED64),
            Map.entry("fixed32", Type.TYPE_FIXED32),
            Map.entry("bool", Type.TYPE_BOOL),
            Map.entry("string", Type.TYPE_STRING),
            Map.entry("bytes", Type.TYPE_BYTES),
            Map.entry("uint32", Type.TYPE_UINT32),
            Map.entry("sfixed32", Type.TYPE_SFIXED32),
            Map.entry("sfixed64", Type.TYPE_SFIXED64),
            Map.entry("sint32", Type.TYPE_SINT32),
            Map.entry("sint64", Type.TYPE_SINT64));

    private final boolean proto3;
    private final List<DescriptorProto> generated = new ArrayList<>();

    FieldBuilder(boolean proto3) {
        this.proto3 = proto3;
    }

    static boolean isScalar(String type) {
        return SCALARS.containsKey(type);
    }

    List<DescriptorProto> generatedTypes() {
        return generated;
    }

    FieldDescriptorProto.Builder field(FieldElement element) {
        FieldDescriptorProto.Builder out = FieldDescriptorProto.newBuilder()
                .setName(element.getName())
                .setNumber(element.getTag())
                .setLabel(label(element.getLabel()));
        if (proto3 && element.getLabel() == Field.Label.OPTIONAL) {
            out.setProto3Optional(true);
        }
        String type = element.getType();
        if (type.startsWith("map<")) {
            ProtoType mapType = ProtoType.get(type);
            String entryName = camelCase(element.getName()) + "Entry";
            generated.add(mapEntry(
                    entryName,
                    mapType.getKeyType().toString(),
                    mapType.getValueType().toString()));
            out.setLabel(Label.LABEL_REPEATED).setTypeName(entryName);
        } else {
            setType(out, type);
        }
        if (element.getDefaultValue() != null) {
            out.setDefaultValue(element.getDefaultValue());
        }
        if (element.getJsonName() != null) {
            out.setJsonName(element.getJsonName());
        }
        OptionSetter.apply(element.getOptions(), out.getOptionsBuilder());
        if (out.getOptions().getAllFields().isEmpty()) {
            out.clearOptions();
        }
        return out;
    }

    FieldDescriptorProto.Builder group(GroupElement group) {
        FieldBuilder inner = new FieldBuilder(proto3);
        DescriptorProto.Builder type = DescriptorProto.newBuilder().setName(group.getName());
        group.getFields().forEach(f -> type.addField(inner.field(f)));
        inner.generatedTypes().forEach(type::addNestedType);
        generated.add(type.build());
        return FieldDescriptorProto.newBuilder()
                .setName(group.getName().toLowerCase(Locale.ROOT))
                .setNumber(group.getTag())
                .setLabel(label(group.getLabel()))
                .setType(Type.TYPE_GROUP)
                .setTypeName(group.getName());
    }

    private static void setType(FieldDescriptorProto.Builder out, String type) {
        Type scalar = SCALARS.get(type);
        if (scalar != null) {
            out.setType(scalar);
        } else {
            out.setTypeName(type);
        }
    }

    private static DescriptorProto mapEntry(String name, String keyType, String valueType) {
        FieldDescriptorProto.Builder key =
                FieldDescriptorProto.newBuilder().setName("key").setNumber(1).setLabel(Label.LABEL_OPTIONAL);
        setType(key, keyType);
        FieldDescriptorProto.Builder value =
                FieldDescriptorProto.newBuilder().setName("value").setNumber(2).setLabel(Label.LABEL_OPTIONAL);
        setType(value, valueType);
        DescriptorProto.Builder entry =
                DescriptorProto.newBuilder().setName(name).addField(key).addField(value);
        entry.getOptionsBuilder().setMapEntry(true);
        return entry.build();
    }

    private static Label label(Field.Label label) {
        if (label == Field.Label.REPEATED) {
            return Label.LABEL_REPEATED;
        }
        return label == Field.Label.REQUIRED ? Label.LABEL_REQUIRED : Label.LABEL_OPTIONAL;
    }

    /** protoc's map-entry naming: {@code my_field} becomes {@code MyField}. */
    static String camelCase(String name) {
        return camel(name, true);
    }

    /** Drops underscores and capitalises the letter after each, and the first one when {@code capitalizeFirst}. */
    static String camel(String name, boolean capitalizeFirst) {
        StringBuilder out = new StringBuilder();
        boolean upper = capitalizeFirst;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
