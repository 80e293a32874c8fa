package dev.castle.jsonschema;

import java.math.BigDecimal;

/**
 * Compares one numeric limit keyword, reporting {@code <PREFIX>_ADDED}, {@code _REMOVED}, {@code _INCREASED} or
 * {@code _DECREASED}; whether that is compatible is the type's business (raising a maximum is, raising a minimum not).
 */
final class Limits {
    private Limits() {}

    static void compare(DiffContext context, String keyword, Number original, Number update, String prefix) {
        if (original == null && update == null) {
            return;
        }
        String change;
        if (original == null) {
            change = "_ADDED";
        } else if (update == null) {
            change = "_REMOVED";
        } else {
            int order = decimal(original).compareTo(decimal(update));
            if (order == 0) {
                return;
            }
            change = order < 0 ? "_INCREASED" : "_DECREASED";
        }
        context.add(keyword, DifferenceType.valueOf(prefix + change));
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
    }
}
