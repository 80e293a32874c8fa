package dev.castle.jsonschema;

import static dev.castle.jsonschema.DifferenceType.COMBINED_TYPE_CHANGED;
import static dev.castle.jsonschema.DifferenceType.COMBINED_TYPE_EXTENDED;
import static dev.castle.jsonschema.DifferenceType.COMBINED_TYPE_SUBSCHEMAS_CHANGED;
import static dev.castle.jsonschema.DifferenceType.PRODUCT_TYPE_EXTENDED;
import static dev.castle.jsonschema.DifferenceType.PRODUCT_TYPE_NARROWED;
import static dev.castle.jsonschema.DifferenceType.SUM_TYPE_EXTENDED;
import static dev.castle.jsonschema.DifferenceType.SUM_TYPE_NARROWED;

import dev.castle.jsonschema.Shape.Combined;
import dev.castle.jsonschema.Shape.Criterion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules for {@code allOf}/{@code anyOf}/{@code oneOf}: the criterion may only widen, the number of subschemas may
 * grow for a sum and shrink for a product, and the subschemas must pair up, each original with a distinct update
 * that reads it compatibly (a maximum bipartite matching).
 */
final class CombinedDiff {
    private CombinedDiff() {}

    static void compare(DiffContext context, Combined original, Combined update) {
        if (!compareCriteria(context, original, update)) {
            return;
        }
        int originalSize = original.subschemas().size();
        int updateSize = update.subschemas().size();
        if (originalSize < updateSize) {
            context.add(update.criterion() == Criterion.ALL_OF ? PRODUCT_TYPE_EXTENDED : SUM_TYPE_EXTENDED);
        } else if (originalSize > updateSize) {
            context.add(original.criterion().sum() ? SUM_TYPE_NARROWED : PRODUCT_TYPE_NARROWED);
        }
        Map<Integer, Map<Integer, List<Difference>>> compatible = new HashMap<>();
        for (int i = 0; i < originalSize; i++) {
            int index = i;
            Map<Integer, List<Difference>> readers = new HashMap<>();
            compatible.put(index, readers);
            context.at(original.criterion().keyword() + "/" + index, () -> {
                for (int j = 0; j < updateSize; j++) {
                    DiffContext attempt = context.sub();
                    SchemaDiff.compare(
                            attempt,
                            original.subschemas().get(index),
                            update.subschemas().get(j));
                    if (attempt.compatible()) {
                        readers.put(j, attempt.differences());
                    }
                }
            });
        }
        int[] matchOfOriginal = match(compatible, originalSize, updateSize);
        int matched = 0;
        for (int i = 0; i < originalSize; i++) {
            if (matchOfOriginal[i] >= 0) {
                context.addAll(compatible.get(i).get(matchOfOriginal[i]));
                matched++;
            }
        }
        if (matched < Math.min(originalSize, updateSize)) {
            context.add(COMBINED_TYPE_SUBSCHEMAS_CHANGED);
        }
    }

    /** Reports a change of criterion; false when it is incompatible and the subschemas need no comparing. */
    private static boolean compareCriteria(DiffContext context, Combined original, Combined update) {
        Criterion from = original.criterion();
        Criterion to = update.criterion();
        if (from == to) {
            return true;
        }
        boolean singleFrom = original.subschemas().size() == 1;
        boolean singleTo = update.subschemas().size() == 1;
        if (to == Criterion.ANY_OF
                || (singleFrom && singleTo)
                || (singleFrom && to == Criterion.ONE_OF)
                || (singleTo && from == Criterion.ALL_OF)) {
            context.add(COMBINED_TYPE_EXTENDED);
            return true;
        }
        context.add(COMBINED_TYPE_CHANGED);
        return false;
    }

    /** A maximum matching of originals to updates along compatible pairs (augmenting paths); -1 where unmatched. */
    private static int[] match(Map<Integer, Map<Integer, List<Difference>>> compatible, int originals, int updates) {
        int[] originalOf = new int[updates];
        Arrays.fill(originalOf, -1);
        for (int i = 0; i < originals; i++) {
            augment(i, compatible, originalOf, new boolean[updates]);
        }
        int[] updateOf = new int[originals];
        Arrays.fill(updateOf, -1);
        for (int j = 0; j < updates; j++) {
            if (originalOf[j] >= 0) {
                updateOf[originalOf[j]] = j;
            }
        }
        return updateOf;
    }

    private static boolean augment(
            int original, Map<Integer, Map<Integer, List<Difference>>> compatible, int[] originalOf, boolean[] seen) {
        for (int update : new ArrayList<>(compatible.get(original).keySet())) {
            if (!seen[update]) {
                seen[update] = true;
                if (originalOf[update] < 0 || augment(originalOf[update], compatible, originalOf, seen)) {
                    originalOf[update] = original;
                    return true;
                }
            }
        }
        return false;
    }
}
