package dev.castle.proto.internals;

/** Two-space indentation of a (possibly multi-line) block, blank inner lines included (as Confluent prints). */
final class Indent {

    private Indent() {}

    static void append(StringBuilder out, String block) {
        for (String line : block.split("\n")) {
            out.append("  ").append(line).append('\n');
        }
    }
}
