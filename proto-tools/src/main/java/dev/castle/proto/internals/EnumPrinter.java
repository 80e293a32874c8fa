package dev.castle.proto.internals;

import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Prints an enum in the canonical layout; normalized, constants are sorted by number then name. */
final class EnumPrinter {

    private EnumPrinter() {}

    static String print(PrintStyle style, EnumElement element) {
        StringBuilder out = new StringBuilder("enum ").append(element.getName()).append(" {");
        List<OptionElement> enumOptions = style.kept(element.getOptions());
        if (!element.getReserveds().isEmpty()
                || !enumOptions.isEmpty()
                || !element.getConstants().isEmpty()) {
            out.append('\n');
        }
        style.ranges().reserved(element.getReserveds()).forEach(line -> Indent.append(out, line));
        if (!enumOptions.isEmpty()) {
            Indent.append(out, style.statements(enumOptions));
        }
        List<EnumConstantElement> constants = element.getConstants();
        if (style.normalize()) {
            constants = new ArrayList<>(constants);
            constants.sort(
                    Comparator.comparingInt(EnumConstantElement::getTag).thenComparing(EnumConstantElement::getName));
        }
        for (EnumConstantElement constant : constants) {
            StringBuilder line =
                    new StringBuilder(constant.getName()).append(" = ").append(constant.getTag());
            List<OptionElement> constantOptions = style.kept(constant.getOptions());
            if (!constantOptions.isEmpty()) {
                line.append(' ');
                style.options().appendBracketed(line, constantOptions);
            }
            Indent.append(out, line.append(";\n").toString());
        }
        return out.append("}\n").toString();
    }
}
