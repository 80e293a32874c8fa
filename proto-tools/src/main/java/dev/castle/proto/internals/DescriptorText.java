package dev.castle.proto.internals;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes .proto text for a {@code FileDescriptorProto} (the base64 form Confluent's JavaScript client registers).
 * The text is then parsed like any other schema, so its layout only has to be valid, not canonical.
 */
public final class DescriptorText {

    private final boolean proto3;
    private final StringBuilder out = new StringBuilder();

    private DescriptorText(boolean proto3) {
        this.proto3 = proto3;
    }

    public static String print(FileDescriptorProto file) {
        DescriptorText text = new DescriptorText("proto3".equals(file.getSyntax()));
        text.file(file);
        return text.out.toString();
    }

    private void file(FileDescriptorProto file) {
        out.append("syntax = \"")
                .append(file.getSyntax().isEmpty() ? "proto2" : file.getSyntax())
                .append("\";\n");
        if (file.hasPackage()) {
            out.append("package ").append(file.getPackage()).append(";\n");
        }
        for (int i = 0; i < file.getDependencyCount(); i++) {
            String kind = file.getPublicDependencyList().contains(i)
                    ? "public "
                    : file.getWeakDependencyList().contains(i) ? "weak " : "";
            out.append("import ")
                    .append(kind)
                    .append('"')
                    .append(file.getDependency(i))
                    .append("\";\n");
        }
        options(file.getOptions(), "");
        file.getMessageTypeList().forEach(m -> message(m, ""));
        file.getEnumTypeList().forEach(e -> enumType(e, ""));
        extensions(file.getExtensionList(), "");
        file.getServiceList().forEach(this::service);
    }

    private void message(DescriptorProto message, String indent) {
        out.append(indent).append("message ").append(message.getName()).append(" {\n");
        String inner = indent + "  ";
        Map<String, DescriptorProto> mapEntries = new LinkedHashMap<>();
        Set<String> groupTypes = new HashSet<>();
        for (DescriptorProto nested : message.getNestedTypeList()) {
            if (nested.getOptions().getMapEntry()) {
                mapEntries.put(nested.getName(), nested);
            }
        }
        message.getFieldList().stream()
                .filter(f -> f.getType() == FieldDescriptorProto.Type.TYPE_GROUP)
                .forEach(f -> groupTypes.add(simpleName(f.getTypeName())));
        for (DescriptorProto.ReservedRange range : message.getReservedRangeList()) {
            out.append(inner)
                    .append("reserved ")
                    .append(range(range.getStart(), range.getEnd() - 1))
                    .append(";\n");
        }
        message.getReservedNameList()
                .forEach(n -> out.append(inner).append("reserved \"").append(n).append("\";\n"));
        options(message.getOptions(), inner);
        List<Integer> realOneOfs = new ArrayList<>();
        for (FieldDescriptorProto field : message.getFieldList()) {
            boolean inRealOneOf = field.hasOneofIndex() && !field.getProto3Optional();
            if (inRealOneOf && !realOneOfs.contains(field.getOneofIndex())) {
                realOneOfs.add(field.getOneofIndex());
            } else if (!inRealOneOf) {
                field(field, inner, mapEntries, message, false);
            }
        }
        for (int index : realOneOfs) {
            out.append(inner)
                    .append("oneof ")
                    .append(message.getOneofDecl(index).getName())
                    .append(" {\n");
            message.getFieldList().stream()
                    .filter(f -> f.hasOneofIndex() && f.getOneofIndex() == index && !f.getProto3Optional())
                    .forEach(f -> field(f, inner + "  ", mapEntries, message, true));
            out.append(inner).append("}\n");
        }
        for (DescriptorProto nested : message.getNestedTypeList()) {
            if (!mapEntries.containsKey(nested.getName()) && !groupTypes.contains(nested.getName())) {
                message(nested, inner);
            }
        }
        message.getEnumTypeList().forEach(e -> enumType(e, inner));
        for (DescriptorProto.ExtensionRange range : message.getExtensionRangeList()) {
            out.append(inner)
                    .append("extensions ")
                    .append(range(range.getStart(), range.getEnd() - 1))
                    .append(";\n");
        }
        extensions(message.getExtensionList(), inner);
        out.append(indent).append("}\n");
    }

    private void field(
            FieldDescriptorProto field,
            String indent,
            Map<String, DescriptorProto> mapEntries,
            DescriptorProto parent,
            boolean inOneOf) {
        out.append(indent);
        DescriptorProto entry = field.hasTypeName() ? mapEntries.get(simpleName(field.getTypeName())) : null;
        if (entry != null) {
            out.append("map<").append(typeText(entry.getField(0))).append(", ");
            out.append(typeText(entry.getField(1))).append("> ");
        } else if (field.getType() == FieldDescriptorProto.Type.TYPE_GROUP) {
            group(field, indent, parent);
            return;
        } else {
            out.append(label(field, inOneOf)).append(typeText(field)).append(' ');
        }
        out.append(field.getName()).append(" = ").append(field.getNumber());
        List<String> options = new ArrayList<>();
        if (field.hasDefaultValue()) {
            options.add("default = " + defaultText(field));
        }
        if (field.hasJsonName() && !field.getJsonName().equals(jsonName(field.getName()))) {
            options.add("json_name = \"" + Escaping.escape(field.getJsonName()) + "\"");
        }
        options.addAll(optionAssignments(field.getOptions()));
        if (!options.isEmpty()) {
            out.append(" [").append(String.join(", ", options)).append(']');
        }
        out.append(";\n");
    }

    private void group(FieldDescriptorProto field, String indent, DescriptorProto parent) {
        String name = simpleName(field.getTypeName());
        DescriptorProto type = parent.getNestedTypeList().stream()
                .filter(t -> t.getName().equals(name))
                .findFirst()
                .orElseThrow();
        out.append(label(field, false))
                .append("group ")
                .append(name)
                .append(" = ")
                .append(field.getNumber());
        out.append(" {\n");
        Map<String, DescriptorProto> entries = new LinkedHashMap<>();
        type.getFieldList().forEach(f -> field(f, indent + "  ", entries, type, false));
        out.append(indent).append("}\n");
    }

    private String label(FieldDescriptorProto field, boolean inOneOf) {
        if (field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) {
            return "repeated ";
        }
        if (field.getLabel() == FieldDescriptorProto.Label.LABEL_REQUIRED) {
            return "required ";
        }
        if (inOneOf) {
            return "";
        }
        return !proto3 || field.getProto3Optional() ? "optional " : "";
    }

    private static String typeText(FieldDescriptorProto field) {
        if (field.hasTypeName()) {
            return field.getTypeName();
        }
        return field.getType().name().substring("TYPE_".length()).toLowerCase(Locale.ROOT);
    }

    private static String defaultText(FieldDescriptorProto field) {
        if (field.getType() == FieldDescriptorProto.Type.TYPE_STRING
                || field.getType() == FieldDescriptorProto.Type.TYPE_BYTES) {
            return "\"" + Escaping.escape(field.getDefaultValue()) + "\"";
        }
        return field.getDefaultValue();
    }

    private void enumType(EnumDescriptorProto element, String indent) {
        out.append(indent).append("enum ").append(element.getName()).append(" {\n");
        String inner = indent + "  ";
        for (EnumDescriptorProto.EnumReservedRange range : element.getReservedRangeList()) {
            out.append(inner)
                    .append("reserved ")
                    .append(range(range.getStart(), range.getEnd()))
                    .append(";\n");
        }
        element.getReservedNameList()
                .forEach(n -> out.append(inner).append("reserved \"").append(n).append("\";\n"));
        options(element.getOptions(), inner);
        for (EnumValueDescriptorProto value : element.getValueList()) {
            out.append(inner).append(value.getName()).append(" = ").append(value.getNumber());
            List<String> options = optionAssignments(value.getOptions());
            if (!options.isEmpty()) {
                out.append(" [").append(String.join(", ", options)).append(']');
            }
            out.append(";\n");
        }
        out.append(indent).append("}\n");
    }

    private void extensions(List<FieldDescriptorProto> extensions, String indent) {
        Map<String, List<FieldDescriptorProto>> byExtendee = new LinkedHashMap<>();
        extensions.forEach(f -> byExtendee
                .computeIfAbsent(f.getExtendee(), k -> new ArrayList<>())
                .add(f));
        byExtendee.forEach((extendee, fields) -> {
            out.append(indent).append("extend ").append(extendee).append(" {\n");
            fields.forEach(f -> field(f, indent + "  ", Map.of(), DescriptorProto.getDefaultInstance(), false));
            out.append(indent).append("}\n");
        });
    }

    private void service(ServiceDescriptorProto service) {
        out.append("service ").append(service.getName()).append(" {\n");
        options(service.getOptions(), "  ");
        for (MethodDescriptorProto method : service.getMethodList()) {
            out.append("  rpc ").append(method.getName()).append(" (");
            out.append(method.getClientStreaming() ? "stream " : "").append(method.getInputType());
            out.append(") returns (");
            out.append(method.getServerStreaming() ? "stream " : "")
                    .append(method.getOutputType())
                    .append(')');
            List<String> options = optionAssignments(method.getOptions());
            if (options.isEmpty()) {
                out.append(";\n");
            } else {
                out.append(" {\n");
                options.forEach(o -> out.append("    option ").append(o).append(";\n"));
                out.append("  }\n");
            }
        }
        out.append("}\n");
    }

    private void options(Message options, String indent) {
        optionAssignments(options)
                .forEach(o -> out.append(indent).append("option ").append(o).append(";\n"));
    }

    private static List<String> optionAssignments(Message options) {
        List<String> assignments = new ArrayList<>();
        for (Map.Entry<FieldDescriptor, Object> entry : options.getAllFields().entrySet()) {
            FieldDescriptor field = entry.getKey();
            if (field.isRepeated() || field.getName().equals("map_entry")) {
                continue;
            }
            String name = field.isExtension() ? "(" + field.getFullName() + ")" : field.getName();
            Object value = entry.getValue();
            if (value instanceof EnumValueDescriptor) {
                assignments.add(name + " = " + ((EnumValueDescriptor) value).getName());
            } else if (value instanceof String) {
                assignments.add(name + " = \"" + Escaping.escape((String) value) + "\"");
            } else if (value instanceof Message) {
                assignments.add(name + " = { " + TextFormat.printer().shortDebugString((Message) value) + " }");
            } else {
                assignments.add(name + " = " + value);
            }
        }
        return assignments;
    }

    private static String range(int start, int end) {
        if (start == end) {
            return String.valueOf(start);
        }
        return start + " to " + (end >= 536870911 ? "max" : String.valueOf(end));
    }

    private static String simpleName(String typeName) {
        return typeName.substring(typeName.lastIndexOf('.') + 1);
    }

    /** protoc's default JSON name: {@code foo_bar} becomes {@code fooBar}. */
    static String jsonName(String name) {
        return FieldBuilder.camel(name, false);
    }
}
