package dev.castle.jsonschema;

/**
 * Dispatches the comparison of two shapes of the same kind to the rules of that kind. Shapes without constraints of
 * their own (empty, false, boolean, null, conditional, reference) have nothing beyond their annotations to compare.
 */
final class KindDiff {
    private KindDiff() {}

    /** Compares {@code original} with {@code update}, of the same class; returns whether the kind has rules. */
    static boolean compare(DiffContext context, Shape original, Shape update) {
        if (original instanceof Shape.StringType string) {
            ScalarDiff.strings(context, string, (Shape.StringType) update);
        } else if (original instanceof Shape.NumberType number) {
            ScalarDiff.numbers(context, number, (Shape.NumberType) update);
        } else if (original instanceof Shape.Enum values) {
            ScalarDiff.enums(context, values, (Shape.Enum) update);
        } else if (original instanceof Shape.Const constant) {
            ScalarDiff.constants(context, constant, (Shape.Const) update);
        } else if (original instanceof Shape.Not not) {
            ScalarDiff.nots(context, not, (Shape.Not) update);
        } else if (original instanceof Shape.Combined combined) {
            CombinedDiff.compare(context, combined, (Shape.Combined) update);
        } else if (original instanceof Shape.ObjectType object) {
            ObjectDiff.compare(context, object, (Shape.ObjectType) update);
        } else if (original instanceof Shape.ArrayType array) {
            ArrayDiff.compare(context, array, (Shape.ArrayType) update);
        } else {
            return false;
        }
        return true;
    }
}
