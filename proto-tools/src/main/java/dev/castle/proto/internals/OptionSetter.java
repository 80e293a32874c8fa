package dev.castle.proto.internals;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.squareup.wire.schema.internal.parser.OptionElement;
import java.util.List;

/**
 * Copies the standard options ({@code java_package}, {@code deprecated}, {@code packed}, ...) written in the text
 * into a descriptor options message. Custom (parenthesized) options and aggregate values are not carried into the
 * descriptor; they stay in the printed text.
 */
final class OptionSetter {

    private OptionSetter() {}

    static void apply(List<OptionElement> options, Message.Builder target) {
        for (OptionElement option : options) {
            if (option.isParenthesized()
                    || option.getKind() == OptionElement.Kind.MAP
                    || option.getKind() == OptionElement.Kind.LIST
                    || option.getKind() == OptionElement.Kind.OPTION) {
                continue;
            }
            FieldDescriptor field = target.getDescriptorForType().findFieldByName(option.getName());
            if (field == null) {
                continue;
            }
            Object value = convert(field, String.valueOf(option.getValue()));
            if (value == null) {
                continue;
            }
            if (field.isRepeated()) {
                target.addRepeatedField(field, value);
            } else {
                target.setField(field, value);
            }
        }
    }

    private static Object convert(FieldDescriptor field, String text) {
        try {
            switch (field.getJavaType()) {
                case BOOLEAN:
                    return Boolean.parseBoolean(text);
                case INT:
                    return Integer.decode(text);
                case LONG:
                    return Long.decode(text);
                case FLOAT:
                    return Float.parseFloat(text);
                case DOUBLE:
                    return Double.parseDouble(text);
                case STRING:
                    return text;
                case BYTE_STRING:
                    return ByteString.copyFromUtf8(text);
                case ENUM:
                    EnumValueDescriptor value = field.getEnumType().findValueByName(text);
                    return value;
                default:
                    return null;
            }
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
