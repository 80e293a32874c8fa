package dev.castle.jsonschema;

import static dev.castle.jsonschema.DifferenceType.OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL;
import static dev.castle.jsonschema.DifferenceType.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL;

import dev.castle.jsonschema.Shape.ObjectType;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Properties present on one side only. An open content model (no {@code additionalProperties} or
 * {@code patternProperties}) accepts any property, so the original may lose properties and only an update that
 * constrains a new property breaks it; a closed one ({@code additionalProperties: false}) accepts none; a partially
 * open one accepts those its pattern or additional schema covers, compared like any other property.
 */
final class ContentModel {
    private ContentModel() {}

    static void compareProperties(DiffContext context, ObjectType original, ObjectType update) {
        for (String name : ObjectDiff.union(original.properties(), update.properties())) {
            Shape from = original.properties().get(name);
            Shape to = update.properties().get(name);
            context.at(name, () -> {
                if (to == null) {
                    removed(context, from, update, name);
                } else if (from == null) {
                    added(context, original, to, update, name);
                } else {
                    SchemaDiff.compare(context, from, to);
                }
            });
        }
    }

    private static void removed(DiffContext context, Shape from, ObjectType update, String name) {
        if (isOpen(update)) {
            context.add(PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL);
            return;
        }
        Shape covering = covering(update, name);
        if (covering != null) {
            boolean covered = compareKeeping(context, from, covering);
            context.add(
                    covered
                            ? PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                            : PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
        } else if (from instanceof Shape.False) {
            context.add(PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL);
        } else {
            context.add(PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL);
        }
    }

    private static void added(DiffContext context, ObjectType original, Shape to, ObjectType update, String name) {
        boolean required = update.required().contains(name);
        boolean withDefault = to.annotations().hasDefault();
        if (isOpen(original)) {
            if (to instanceof Shape.Empty) {
                context.add(PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL);
            } else if (required) {
                context.add(
                        withDefault
                                ? REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL
                                : REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL);
            } else {
                context.add(OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL);
            }
            return;
        }
        Shape covering = covering(original, name);
        if (covering != null) {
            boolean covered = compareKeeping(context, covering, to);
            context.add(
                    covered
                            ? PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL
                            : PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
        }
        if (required) {
            context.add(
                    withDefault
                            ? REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL
                            : REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL);
        } else {
            context.add(OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL);
        }
    }

    /** Compares in a sub-context, keeps all its differences, and says whether they were all compatible. */
    static boolean compareKeeping(DiffContext context, Shape original, Shape update) {
        DiffContext attempt = context.sub();
        SchemaDiff.compare(attempt, original, update);
        context.addAll(attempt.differences());
        return attempt.compatible();
    }

    static boolean isOpen(ObjectType object) {
        return object.permitsAdditional()
                && object.additional() == null
                && object.patternProperties().isEmpty()
                && Unevaluated.open(object.unevaluated());
    }

    /** The schema that a partially open model applies to property {@code name}; null when none does. */
    private static Shape covering(ObjectType object, String name) {
        for (Map.Entry<String, Shape> pattern : object.patternProperties().entrySet()) {
            if (matches(pattern.getKey(), name)) {
                return pattern.getValue();
            }
        }
        if (object.additional() != null || !object.permitsAdditional()) {
            return object.additional();
        }
        return Unevaluated.covering(object.unevaluated());
    }

    private static boolean matches(String regex, String name) {
        try {
            return Pattern.compile(regex).matcher(name).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
