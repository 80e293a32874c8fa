package dev.castle.jsonschema;

import static dev.castle.jsonschema.DifferenceType.DEFAULT_CHANGED;
import static dev.castle.jsonschema.DifferenceType.DESCRIPTION_CHANGED;
import static dev.castle.jsonschema.DifferenceType.ID_CHANGED;
import static dev.castle.jsonschema.DifferenceType.PRODUCT_TYPE_NARROWED;
import static dev.castle.jsonschema.DifferenceType.SCHEMA_ADDED;
import static dev.castle.jsonschema.DifferenceType.SCHEMA_REMOVED;
import static dev.castle.jsonschema.DifferenceType.SUM_TYPE_EXTENDED;
import static dev.castle.jsonschema.DifferenceType.TITLE_CHANGED;
import static dev.castle.jsonschema.DifferenceType.TYPE_CHANGED;

import dev.castle.jsonschema.Shape.Annotations;
import dev.castle.jsonschema.Shape.Combined;
import dev.castle.jsonschema.Shape.Criterion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Confluent's JSON Schema compatibility diff (spec §7.2): walks an original (writer) and an updated (reader) schema
 * together and lists how the update differs, each difference compatible or not. Recursive schemas are compared to a
 * fixpoint: a pass that assumed a cycle compatible is repeated with the pairs found incompatible until nothing changes.
 */
public final class SchemaDiff {
    private static final String BYTES = "bytes";
    private static final int MAX_REF_HOPS = 64;

    private SchemaDiff() {}

    /** Every difference from {@code original} to {@code update}, compatible ones included. */
    public static List<Difference> differences(Shape original, Shape update) {
        Map<DiffContext.Pair, List<Difference>> seed = Collections.emptyMap();
        while (true) {
            DiffContext.Pass pass = new DiffContext.Pass(seed);
            DiffContext context = new DiffContext(pass);
            compare(context, original, update);
            Map<DiffContext.Pair, List<Difference>> incompatible = pass.incompatiblePairs();
            if (!pass.assumedCompatible() || incompatible.keySet().equals(seed.keySet())) {
                return context.differences();
            }
            seed = incompatible;
        }
    }

    /** The differences that make {@code update} unable to read data written with {@code original}. */
    public static List<Difference> incompatibilities(Shape original, Shape update) {
        List<Difference> incompatible = new ArrayList<>();
        for (Difference difference : differences(original, update)) {
            if (!difference.type().compatible()) {
                incompatible.add(difference);
            }
        }
        return incompatible;
    }

    static void compare(DiffContext context, Shape original, Shape update) {
        if (original == null && update == null) {
            return;
        }
        if (original == null) {
            context.add(SCHEMA_ADDED);
            return;
        }
        if (update == null) {
            context.add(SCHEMA_REMOVED);
            return;
        }
        Shape from = dereference(original);
        Shape to = dereference(update);
        context.compareOnce(new DiffContext.Pair(from, to), root -> compareTypes(root, from, to));
    }

    private static Shape dereference(Shape shape) {
        Shape current = shape;
        for (int hops = 0; current instanceof Shape.Ref ref; hops++) {
            if (hops == MAX_REF_HOPS) {
                return new Shape.Empty(Annotations.NONE);
            }
            current = ref.resolve();
        }
        return current;
    }

    private static void compareTypes(DiffContext context, Shape original, Shape update) {
        if (!(original instanceof Combined) && update instanceof Combined combined) {
            if (readsThroughBranch(context, original, combined)) {
                return;
            }
        } else if (original instanceof Combined combined && !(update instanceof Combined)) {
            if (writtenThroughBranch(context, combined, update)) {
                return;
            }
        }
        if (original.getClass() != update.getClass()) {
            if (!(original instanceof Shape.False)
                    && !(update instanceof Shape.Empty)
                    && !bothBytes(original, update)) {
                context.add(TYPE_CHANGED);
            }
            return;
        }
        compareAnnotations(context, original.annotations(), update.annotations());
        KindDiff.compare(context, original, update);
    }

    /** An update that is a union (or a single-branch combination) can read the original through one branch. */
    private static boolean readsThroughBranch(DiffContext context, Shape original, Combined update) {
        if (update.subschemas().size() == 1) {
            return keepIfCompatible(context, original, update.subschemas().get(0), null);
        }
        if (update.criterion().sum()) {
            for (Shape branch : update.subschemas()) {
                if (keepIfCompatible(context, original, branch, SUM_TYPE_EXTENDED)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An original that is an intersection (or a single-branch combination) is read through one of its parts. */
    private static boolean writtenThroughBranch(DiffContext context, Combined original, Shape update) {
        if (original.subschemas().size() == 1) {
            return keepIfCompatible(context, original.subschemas().get(0), update, null);
        }
        if (original.criterion() == Criterion.ALL_OF) {
            for (Shape part : original.subschemas()) {
                if (keepIfCompatible(context, part, update, PRODUCT_TYPE_NARROWED)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean keepIfCompatible(
            DiffContext context, Shape original, Shape update, DifferenceType alsoReport) {
        DiffContext attempt = context.sub();
        compare(attempt, original, update);
        if (!attempt.compatible()) {
            return false;
        }
        context.addAll(attempt.differences());
        if (alsoReport != null) {
            context.add(alsoReport);
        }
        return true;
    }

    private static boolean bothBytes(Shape original, Shape update) {
        return BYTES.equals(original.annotations().connectType())
                && BYTES.equals(update.annotations().connectType());
    }

    private static void compareAnnotations(DiffContext context, Annotations original, Annotations update) {
        if (!Objects.equals(original.id(), update.id())) {
            context.add(ID_CHANGED);
        }
        if (!Objects.equals(original.title(), update.title())) {
            context.add(TITLE_CHANGED);
        }
        if (!Objects.equals(original.description(), update.description())) {
            context.add(DESCRIPTION_CHANGED);
        }
        if (!Objects.equals(original.defaultValue(), update.defaultValue())) {
            context.add(DEFAULT_CHANGED);
        }
    }
}
