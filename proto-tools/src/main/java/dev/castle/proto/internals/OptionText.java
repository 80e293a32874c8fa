package dev.castle.proto.internals;

import com.squareup.wire.schema.internal.parser.OptionElement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Renders an option's value in protobuf text format, for merging into an options message. */
final class OptionText {

    private OptionText() {}

    /** What follows the option name: {@code : value} for a scalar, {@code { ... }} for a message. */
    @SuppressWarnings("unchecked")
    static String valueText(OptionElement option) {
        Object value = option.getValue();
        switch (option.getKind()) {
            case OPTION:
                OptionElement inner = (OptionElement) value;
                String innerName = inner.isParenthesized() ? "[" + inner.getName() + "]" : inner.getName();
                return " { " + innerName + valueText(inner) + " }";
            case MAP:
                return " " + message((Map<String, Object>) value);
            case LIST:
                return ": ["
                        + ((List<OptionElement>) value)
                                .stream().map(o -> String.valueOf(o.getValue())).collect(Collectors.joining(", "))
                        + "]";
            case STRING:
                return ": \"" + Escaping.escape(String.valueOf(value)) + "\"";
            default:
                return ": " + value;
        }
    }

    @SuppressWarnings("unchecked")
    private static String message(Map<String, Object> map) {
        return map.entrySet().stream()
                .map(e -> e.getKey() + (e.getValue() instanceof Map ? " " : ": ") + value(e.getValue()))
                .collect(Collectors.joining(" ", "{ ", " }"));
    }

    @SuppressWarnings("unchecked")
    private static String value(Object value) {
        if (value instanceof String) {
            return "\"" + Escaping.escape((String) value) + "\"";
        }
        if (value instanceof Map) {
            return message((Map<String, Object>) value);
        }
        if (value instanceof List) {
            return ((List<Object>) value).stream().map(OptionText::value).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof OptionElement.OptionPrimitive) {
            OptionElement.OptionPrimitive primitive = (OptionElement.OptionPrimitive) value;
            return primitive.getKind() == OptionElement.Kind.STRING
                    ? value(String.valueOf(primitive.getValue()))
                    : String.valueOf(primitive.getValue());
        }
        return String.valueOf(value);
    }
}
