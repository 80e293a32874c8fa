package dev.castle.domain.format.protobuf;

/**
 * How deeply a .proto text nests braces, outside string literals and comments. The parser, printer and diff recurse
 * once per level, so a hostile depth must be refused before any of them runs on a thread's ordinary stack.
 */
final class Nesting {
    /** Far deeper than any real schema, far shallower than what overflows a 1 MiB thread stack (about 500). */
    static final int MAX_DEPTH = 200;

    private Nesting() {}

    static int depth(String text) {
        int depth = 0;
        int max = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = afterString(text, i, c);
                continue;
            }
            if (c == '/' && i + 1 < text.length() && (text.charAt(i + 1) == '/' || text.charAt(i + 1) == '*')) {
                i = afterComment(text, i);
                continue;
            }
            if (c == '{') {
                max = Math.max(max, ++depth);
            } else if (c == '}') {
                depth--;
            }
            i++;
        }
        return max;
    }

    private static int afterString(String text, int start, char quote) {
        int i = start + 1;
        while (i < text.length() && text.charAt(i) != quote) {
            i += text.charAt(i) == '\\' ? 2 : 1;
        }
        return i + 1;
    }

    private static int afterComment(String text, int start) {
        boolean line = text.charAt(start + 1) == '/';
        int end = line ? text.indexOf('\n', start + 2) : text.indexOf("*/", start + 2);
        if (end < 0) {
            return text.length();
        }
        return line ? end + 1 : end + 2;
    }
}
