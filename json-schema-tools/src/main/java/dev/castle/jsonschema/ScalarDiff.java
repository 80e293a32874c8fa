package dev.castle.jsonschema;

import static dev.castle.jsonschema.DifferenceType.ENUM_ARRAY_CHANGED;
import static dev.castle.jsonschema.DifferenceType.ENUM_ARRAY_EXTENDED;
import static dev.castle.jsonschema.DifferenceType.ENUM_ARRAY_NARROWED;
import static dev.castle.jsonschema.DifferenceType.MULTIPLE_OF_ADDED;
import static dev.castle.jsonschema.DifferenceType.MULTIPLE_OF_CHANGED;
import static dev.castle.jsonschema.DifferenceType.MULTIPLE_OF_EXPANDED;
import static dev.castle.jsonschema.DifferenceType.MULTIPLE_OF_REDUCED;
import static dev.castle.jsonschema.DifferenceType.MULTIPLE_OF_REMOVED;
import static dev.castle.jsonschema.DifferenceType.NOT_TYPE_EXTENDED;
import static dev.castle.jsonschema.DifferenceType.NOT_TYPE_NARROWED;
import static dev.castle.jsonschema.DifferenceType.PATTERN_ADDED;
import static dev.castle.jsonschema.DifferenceType.PATTERN_CHANGED;
import static dev.castle.jsonschema.DifferenceType.PATTERN_REMOVED;
import static dev.castle.jsonschema.DifferenceType.TYPE_EXTENDED;
import static dev.castle.jsonschema.DifferenceType.TYPE_NARROWED;

import java.math.BigDecimal;

/** The rules for strings, numbers, enums, constants and {@code not}. */
final class ScalarDiff {
    private ScalarDiff() {}

    static void strings(DiffContext context, Shape.StringType original, Shape.StringType update) {
        Limits.compare(context, "maxLength", original.maxLength(), update.maxLength(), "MAX_LENGTH");
        Limits.compare(context, "minLength", original.minLength(), update.minLength(), "MIN_LENGTH");
        if (original.pattern() == null && update.pattern() != null) {
            context.add("pattern", PATTERN_ADDED);
        } else if (original.pattern() != null && update.pattern() == null) {
            context.add("pattern", PATTERN_REMOVED);
        } else if (original.pattern() != null && !original.pattern().equals(update.pattern())) {
            context.add("pattern", PATTERN_CHANGED);
        }
    }

    static void numbers(DiffContext context, Shape.NumberType original, Shape.NumberType update) {
        Limits.compare(context, "maximum", original.maximum(), update.maximum(), "MAXIMUM");
        Limits.compare(context, "minimum", original.minimum(), update.minimum(), "MINIMUM");
        Limits.compare(
                context,
                "exclusiveMaximum",
                original.exclusiveMaximum(),
                update.exclusiveMaximum(),
                "EXCLUSIVE_MAXIMUM");
        Limits.compare(
                context,
                "exclusiveMinimum",
                original.exclusiveMinimum(),
                update.exclusiveMinimum(),
                "EXCLUSIVE_MINIMUM");
        multipleOf(context, original.multipleOf(), update.multipleOf());
        if (original.integer() != update.integer()) {
            context.add(original.integer() ? TYPE_EXTENDED : TYPE_NARROWED);
        }
    }

    private static void multipleOf(DiffContext context, BigDecimal original, BigDecimal update) {
        if (original == null ? update == null : update != null && original.compareTo(update) == 0) {
            return;
        }
        if (original == null) {
            context.add("multipleOf", MULTIPLE_OF_ADDED);
        } else if (update == null) {
            context.add("multipleOf", MULTIPLE_OF_REMOVED);
        } else if (original.signum() != 0 && update.remainder(original).signum() == 0) {
            context.add("multipleOf", MULTIPLE_OF_EXPANDED);
        } else if (update.signum() != 0 && original.remainder(update).signum() == 0) {
            context.add("multipleOf", MULTIPLE_OF_REDUCED);
        } else {
            context.add("multipleOf", MULTIPLE_OF_CHANGED);
        }
    }

    static void enums(DiffContext context, Shape.Enum original, Shape.Enum update) {
        if (original.values().equals(update.values())) {
            return;
        }
        if (update.values().containsAll(original.values())) {
            context.add("enum", ENUM_ARRAY_EXTENDED);
        } else if (original.values().containsAll(update.values())) {
            context.add("enum", ENUM_ARRAY_NARROWED);
        } else {
            context.add("enum", ENUM_ARRAY_CHANGED);
        }
    }

    static void constants(DiffContext context, Shape.Const original, Shape.Const update) {
        if (!original.value().equals(update.value())) {
            context.add("const", ENUM_ARRAY_CHANGED);
        }
    }

    /** {@code not} reverses the direction: the update forbids less when its forbidden schema reads the original's. */
    static void nots(DiffContext context, Shape.Not original, Shape.Not update) {
        context.at("not", () -> {
            DiffContext attempt = context.sub();
            SchemaDiff.compare(attempt, update.mustNotMatch(), original.mustNotMatch());
            context.add(attempt.compatible() ? NOT_TYPE_NARROWED : NOT_TYPE_EXTENDED);
        });
    }
}
