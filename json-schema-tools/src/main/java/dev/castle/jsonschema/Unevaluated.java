package dev.castle.jsonschema;

/**
 * {@code unevaluatedProperties} and {@code unevaluatedItems} (2019-09 and later): like additional properties or items,
 * {@code false} closes the content model, a real schema opens it partially and {@code true} leaves it open.
 */
final class Unevaluated {
    private Unevaluated() {}

    /** Compares the keyword; {@code prefix} is {@code UNEVALUATED_PROPERTIES} or {@code UNEVALUATED_ITEMS}. */
    static void compare(DiffContext context, String keyword, Shape original, Shape update, String prefix) {
        if (original == null && update == null) {
            return;
        }
        context.at(keyword, () -> {
            String change = change(original, update);
            if (change == null) {
                SchemaDiff.compare(context, original, update);
            } else {
                context.add(DifferenceType.valueOf(prefix + change));
            }
        });
    }

    private static String change(Shape original, Shape update) {
        boolean closedBefore = original instanceof Shape.False;
        boolean closedAfter = update instanceof Shape.False;
        if (original == null) {
            return closedAfter ? "_REMOVED" : "_NARROWED";
        }
        if (update == null) {
            return closedBefore ? "_ADDED" : "_EXTENDED";
        }
        if (closedBefore != closedAfter) {
            return closedBefore ? "_ADDED" : "_REMOVED";
        }
        boolean anythingBefore = original instanceof Shape.Empty;
        boolean anythingAfter = update instanceof Shape.Empty;
        if (anythingBefore != anythingAfter) {
            return anythingBefore ? "_NARROWED" : "_EXTENDED";
        }
        return null;
    }

    /** True when the keyword leaves the content model open: absent or accepting anything. */
    static boolean open(Shape unevaluated) {
        return unevaluated == null || unevaluated instanceof Shape.Empty;
    }

    /** The schema the keyword applies to uncovered properties or items; null when it is absent, true or false. */
    static Shape covering(Shape unevaluated) {
        return unevaluated instanceof Shape.Empty || unevaluated instanceof Shape.False ? null : unevaluated;
    }
}
