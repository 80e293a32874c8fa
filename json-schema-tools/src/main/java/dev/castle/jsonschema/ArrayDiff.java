package dev.castle.jsonschema;

import static dev.castle.jsonschema.DifferenceType.ADDITIONAL_ITEMS_ADDED;
import static dev.castle.jsonschema.DifferenceType.ADDITIONAL_ITEMS_EXTENDED;
import static dev.castle.jsonschema.DifferenceType.ADDITIONAL_ITEMS_NARROWED;
import static dev.castle.jsonschema.DifferenceType.ADDITIONAL_ITEMS_REMOVED;
import static dev.castle.jsonschema.DifferenceType.ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.ITEM_ADDED_TO_CLOSED_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.ITEM_ADDED_TO_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.UNIQUE_ITEMS_ADDED;
import static dev.castle.jsonschema.DifferenceType.UNIQUE_ITEMS_REMOVED;

import dev.castle.jsonschema.Shape.ArrayType;
import java.util.List;

/**
 * The rules for arrays: the schema of all items, tuple items by position (an item present on one side only follows
 * the content model of the other side, as object properties do), additional items and the item counts.
 */
final class ArrayDiff {
    private ArrayDiff() {}

    static void compare(DiffContext context, ArrayType original, ArrayType update) {
        context.at("items", () -> SchemaDiff.compare(context, original.allItems(), update.allItems()));
        compareTuples(context, original, update);
        context.at("additionalItems", () -> compareAdditional(context, original, update));
        Unevaluated.compare(
                context, "unevaluatedItems", original.unevaluated(), update.unevaluated(), "UNEVALUATED_ITEMS");
        Limits.compare(context, "maxItems", original.maxItems(), update.maxItems(), "MAX_ITEMS");
        Limits.compare(context, "minItems", original.minItems(), update.minItems(), "MIN_ITEMS");
        if (original.uniqueItems() != update.uniqueItems()) {
            context.add("uniqueItems", original.uniqueItems() ? UNIQUE_ITEMS_REMOVED : UNIQUE_ITEMS_ADDED);
        }
        Limits.compare(context, "maxContains", original.maxContains(), update.maxContains(), "MAX_CONTAINS");
        Limits.compare(context, "minContains", original.minContains(), update.minContains(), "MIN_CONTAINS");
    }

    private static void compareTuples(DiffContext context, ArrayType original, ArrayType update) {
        List<Shape> from = original.tuple();
        List<Shape> to = update.tuple();
        for (int index = 0; index < Math.max(from.size(), to.size()); index++) {
            int position = index;
            context.at("items/" + index, () -> {
                if (position < from.size() && position < to.size()) {
                    SchemaDiff.compare(context, from.get(position), to.get(position));
                } else if (position < from.size()) {
                    removed(context, from.get(position), update);
                } else {
                    added(context, original, to.get(position));
                }
            });
        }
    }

    private static void removed(DiffContext context, Shape item, ArrayType update) {
        if (isOpen(update)) {
            context.add(ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL);
        } else if (covering(update) != null) {
            boolean covered = ContentModel.compareKeeping(context, item, covering(update));
            context.add(
                    covered
                            ? ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                            : ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
        } else if (item instanceof Shape.False) {
            context.add(ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL);
        } else {
            context.add(ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL);
        }
    }

    private static void added(DiffContext context, ArrayType original, Shape item) {
        if (isOpen(original)) {
            context.add(
                    item instanceof Shape.Empty
                            ? ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL
                            : ITEM_ADDED_TO_OPEN_CONTENT_MODEL);
        } else if (covering(original) != null) {
            boolean covered = ContentModel.compareKeeping(context, covering(original), item);
            context.add(
                    covered
                            ? ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                            : ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
        } else {
            context.add(ITEM_ADDED_TO_CLOSED_CONTENT_MODEL);
        }
    }

    private static void compareAdditional(DiffContext context, ArrayType original, ArrayType update) {
        if (original.permitsAdditional() != update.permitsAdditional()) {
            context.add(original.permitsAdditional() ? ADDITIONAL_ITEMS_REMOVED : ADDITIONAL_ITEMS_ADDED);
        } else if (original.additional() == null && update.additional() != null) {
            context.add(ADDITIONAL_ITEMS_NARROWED);
        } else if (original.additional() != null && update.additional() == null) {
            context.add(ADDITIONAL_ITEMS_EXTENDED);
        } else {
            SchemaDiff.compare(context, original.additional(), update.additional());
        }
    }

    private static boolean isOpen(ArrayType array) {
        return array.permitsAdditional() && array.additional() == null && Unevaluated.open(array.unevaluated());
    }

    /** The schema a partially open array applies to items beyond its tuple; null when there is none. */
    private static Shape covering(ArrayType array) {
        if (array.additional() != null || !array.permitsAdditional()) {
            return array.additional();
        }
        return Unevaluated.covering(array.unevaluated());
    }
}
