package dev.castle.proto.internals;

import com.squareup.wire.schema.internal.parser.OptionElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Prints option elements ({@code option x = y;} and {@code [x = y, ...]}) in the canonical layout. */
final class OptionPrinter {

    private final boolean normalize;

    OptionPrinter(boolean normalize) {
        this.normalize = normalize;
    }

    List<OptionElement> ordered(List<OptionElement> options) {
        if (!normalize) {
            return options;
        }
        List<OptionElement> sorted = new ArrayList<>(options);
        sorted.sort(Comparator.comparing(OptionElement::getName));
        return sorted;
    }

    /** {@code option name = value;\n} for each option, in canonical order. */
    void appendStatements(StringBuilder out, List<OptionElement> options) {
        for (OptionElement option : ordered(options)) {
            out.append("option ").append(assignment(option)).append(";\n");
        }
    }

    /** The bracketed list after a field or enum constant: one line for one option, one per line otherwise. */
    void appendBracketed(StringBuilder out, List<OptionElement> options) {
        List<OptionElement> ordered = ordered(options);
        if (ordered.size() == 1) {
            out.append('[').append(assignment(ordered.get(0))).append(']');
            return;
        }
        out.append("[\n");
        for (int i = 0; i < ordered.size(); i++) {
            String separator = i < ordered.size() - 1 ? "," : "";
            Indent.append(out, assignment(ordered.get(i)) + separator);
        }
        out.append(']');
    }

    @SuppressWarnings("unchecked")
    String assignment(OptionElement option) {
        String name = option.isParenthesized() ? "(" + option.getName() + ")" : option.getName();
        Object value = option.getValue();
        switch (option.getKind()) {
            case STRING:
                return name + " = \"" + Escaping.escape(value.toString()) + "\"";
            case OPTION:
                return name + "." + assignment((OptionElement) value);
            case MAP:
                return name + " = " + mapText((Map<String, Object>) value);
            case LIST:
                StringBuilder list = new StringBuilder(name).append(" = ");
                appendBracketed(list, (List<OptionElement>) value);
                return list.toString();
            default:
                return name + " = " + value;
        }
    }

    private String mapText(Map<String, Object> map) {
        List<String> keys = new ArrayList<>(map.keySet());
        if (normalize) {
            keys.sort(Comparator.naturalOrder());
        }
        StringBuilder out = new StringBuilder("{\n");
        for (int i = 0; i < keys.size(); i++) {
            String separator = i < keys.size() - 1 ? "," : "";
            Indent.append(out, keys.get(i) + ": " + valueText(map.get(keys.get(i))) + separator);
        }
        return out.append('}').toString();
    }

    @SuppressWarnings("unchecked")
    private String valueText(Object value) {
        if (value instanceof String) {
            return "\"" + Escaping.escape((String) value) + "\"";
        }
        if (value instanceof Map) {
            return mapText((Map<String, Object>) value);
        }
        if (value instanceof List) {
            List<Object> items = (List<Object>) value;
            StringBuilder out = new StringBuilder("[\n");
            for (int i = 0; i < items.size(); i++) {
                String separator = i < items.size() - 1 ? "," : "";
                Indent.append(out, valueText(items.get(i)) + separator);
            }
            return out.append(']').toString();
        }
        if (value instanceof OptionElement.OptionPrimitive) {
            OptionElement.OptionPrimitive primitive = (OptionElement.OptionPrimitive) value;
            return primitive.getKind() == OptionElement.Kind.STRING
                    ? valueText(primitive.getValue().toString())
                    : String.valueOf(primitive.getValue());
        }
        return String.valueOf(value);
    }
}
