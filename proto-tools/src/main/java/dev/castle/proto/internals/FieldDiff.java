package dev.castle.proto.internals;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import dev.castle.proto.ProtoDifference.Type;

/**
 * Compares two fields with the same tag: name, kind (scalar, message, map), wire-compatible scalar group, label as
 * written, and for message fields the referenced type.
 */
final class FieldDiff {

    /** What a field holds; enums count as scalars. */
    enum Kind {
        SCALAR,
        MESSAGE,
        MAP
    }

    /** The wire-compatible scalar groups: a change inside one group keeps the data readable. */
    enum ScalarGroup {
        VARINT,
        ZIGZAG,
        LENGTH_DELIMITED,
        FIXED32,
        FIXED64,
        FLOAT,
        DOUBLE
    }

    /** A label as written in the text: none (proto3 singular, oneof and map fields), optional, required, repeated. */
    enum WrittenLabel {
        NONE,
        OPTIONAL,
        REQUIRED,
        REPEATED
    }

    private FieldDiff() {}

    static void compare(DiffContext ctx, FieldDescriptor original, FieldDescriptor update) {
        if (!original.getName().equals(update.getName())) {
            ctx.add(Type.FIELD_NAME_CHANGED);
        }
        compareTypes(ctx, original, update, writtenLabel(original), writtenLabel(update));
    }

    private static void compareTypes(
            DiffContext ctx,
            FieldDescriptor original,
            FieldDescriptor update,
            WrittenLabel originalLabel,
            WrittenLabel updateLabel) {
        Kind kind = kind(original);
        if (kind != kind(update)) {
            ctx.add(Type.FIELD_KIND_CHANGED);
        } else if (kind == Kind.SCALAR) {
            compareScalars(ctx, original, update, originalLabel, updateLabel);
        } else if (kind == Kind.MESSAGE) {
            compareMessageTypes(ctx, original.getMessageType(), update.getMessageType());
        } else {
            Descriptor before = original.getMessageType();
            Descriptor after = update.getMessageType();
            compareTypes(ctx, before.findFieldByNumber(1), after.findFieldByNumber(1), null, null);
            compareTypes(ctx, before.findFieldByNumber(2), after.findFieldByNumber(2), null, null);
        }
    }

    private static void compareScalars(
            DiffContext ctx,
            FieldDescriptor original,
            FieldDescriptor update,
            WrittenLabel originalLabel,
            WrittenLabel updateLabel) {
        ScalarGroup group = scalarGroup(original);
        if (group != scalarGroup(update)) {
            ctx.add(Type.FIELD_SCALAR_KIND_CHANGED);
            return;
        }
        boolean labelsWritten = originalLabel != null
                && updateLabel != null
                && originalLabel != WrittenLabel.NONE
                && updateLabel != WrittenLabel.NONE;
        if (labelsWritten && originalLabel != updateLabel) {
            ctx.add(
                    group == ScalarGroup.LENGTH_DELIMITED
                            ? Type.FIELD_STRING_OR_BYTES_LABEL_CHANGED
                            : Type.FIELD_NUMERIC_LABEL_CHANGED);
        }
    }

    /**
     * Message types must keep their name (relative to their package); a type from a dependency that changed is
     * compared member by member, and any incompatibility there makes this field's type incompatible too.
     */
    private static void compareMessageTypes(DiffContext ctx, Descriptor original, Descriptor update) {
        String originalLocal = localName(original);
        String updateLocal = localName(update);
        if (!originalLocal.equals(updateLocal)) {
            ctx.add(Type.FIELD_NAMED_TYPE_CHANGED);
            return;
        }
        boolean bothLocal = original.getFile() == ctx.originalFile() && update.getFile() == ctx.updateFile();
        if (bothLocal || sameDependency(original.getFile(), update.getFile())) {
            return;
        }
        DiffContext sub = ctx.subcontext(originalLocal);
        MessageDiff.compareMessages(sub, original, update);
        ctx.addAll(sub.differences());
        if (!sub.isCompatible()) {
            ctx.add(Type.FIELD_NAMED_TYPE_CHANGED);
        }
    }

    private static boolean sameDependency(FileDescriptor original, FileDescriptor update) {
        return original.getName().equals(update.getName()) && original.toProto().equals(update.toProto());
    }

    private static String localName(Descriptor type) {
        String packageName = type.getFile().getPackage();
        String fullName = type.getFullName();
        return !packageName.isEmpty() && fullName.startsWith(packageName + ".")
                ? fullName.substring(packageName.length() + 1)
                : fullName;
    }

    static Kind kind(FieldDescriptor field) {
        if (field.isMapField()) {
            return Kind.MAP;
        }
        return field.getJavaType() == FieldDescriptor.JavaType.MESSAGE ? Kind.MESSAGE : Kind.SCALAR;
    }

    static ScalarGroup scalarGroup(FieldDescriptor field) {
        switch (field.getType()) {
            case INT32, INT64, UINT32, UINT64, BOOL, ENUM:
                return ScalarGroup.VARINT;
            case SINT32, SINT64:
                return ScalarGroup.ZIGZAG;
            case STRING, BYTES:
                return ScalarGroup.LENGTH_DELIMITED;
            case FIXED32, SFIXED32:
                return ScalarGroup.FIXED32;
            case FIXED64, SFIXED64:
                return ScalarGroup.FIXED64;
            case FLOAT:
                return ScalarGroup.FLOAT;
            case DOUBLE:
                return ScalarGroup.DOUBLE;
            default:
                throw new IllegalArgumentException("Not a scalar field: " + field.getFullName());
        }
    }

    static WrittenLabel writtenLabel(FieldDescriptor field) {
        if (field.isMapField()) {
            return WrittenLabel.NONE;
        }
        if (field.isRepeated()) {
            return WrittenLabel.REPEATED;
        }
        if (field.isRequired()) {
            return WrittenLabel.REQUIRED;
        }
        if (field.getRealContainingOneof() != null) {
            return WrittenLabel.NONE;
        }
        boolean proto3 = "proto3".equals(field.getFile().toProto().getSyntax());
        return !proto3 || field.toProto().getProto3Optional() ? WrittenLabel.OPTIONAL : WrittenLabel.NONE;
    }
}
