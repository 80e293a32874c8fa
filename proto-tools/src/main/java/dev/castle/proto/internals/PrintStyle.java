package dev.castle.proto.internals;

import com.squareup.wire.schema.internal.parser.OptionElement;
import java.util.List;

/** How a file is printed: canonical or normalized, with or without extensions, and the resolved type names. */
record PrintStyle(
        boolean normalize,
        boolean ignoreExtensions,
        ResolvedTypes types,
        OptionPrinter options,
        ReservedPrinter ranges) {

    PrintStyle(boolean normalize, boolean ignoreExtensions, ResolvedTypes types) {
        this(normalize, ignoreExtensions, types, new OptionPrinter(normalize), new ReservedPrinter(normalize));
    }

    /** Options to print: custom (parenthesized) options are extensions, dropped when extensions are ignored. */
    List<OptionElement> kept(List<OptionElement> list) {
        return ignoreExtensions
                ? list.stream().filter(o -> !o.isParenthesized()).toList()
                : list;
    }

    /** {@code option x = y;} lines. */
    String statements(List<OptionElement> list) {
        StringBuilder out = new StringBuilder();
        options.appendStatements(out, list);
        return out.toString();
    }
}
