package dev.castle.proto.internals;

import com.squareup.wire.schema.internal.parser.ReservedElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kotlin.ranges.IntRange;

/** Prints {@code reserved} statements and tag ranges; normalized, each value gets its own sorted statement. */
final class ReservedPrinter {

    private final boolean normalize;

    ReservedPrinter(boolean normalize) {
        this.normalize = normalize;
    }

    List<String> reserved(List<ReservedElement> reserveds) {
        List<List<Object>> statements = new ArrayList<>();
        if (normalize) {
            reserveds.forEach(r -> r.getValues().forEach(value -> statements.add(List.of(value))));
            statements.sort(Comparator.comparingInt((List<Object> s) -> start(s.get(0)))
                    .thenComparing(s -> String.valueOf(s.get(0))));
        } else {
            reserveds.forEach(r -> statements.add(r.getValues()));
        }
        return statements.stream().map(s -> "reserved " + values(s) + ";\n").toList();
    }

    String values(List<Object> values) {
        List<String> parts = new ArrayList<>();
        for (Object value : values) {
            if (value instanceof String) {
                parts.add("\"" + value + "\"");
            } else if (value instanceof IntRange) {
                IntRange range = (IntRange) value;
                parts.add(range.getFirst() + " to " + range.getLast());
            } else {
                parts.add(String.valueOf(value));
            }
        }
        return String.join(", ", parts);
    }

    private static int start(Object value) {
        if (value instanceof IntRange) {
            return ((IntRange) value).getFirst();
        }
        return value instanceof Integer ? (Integer) value : Integer.MAX_VALUE;
    }
}
