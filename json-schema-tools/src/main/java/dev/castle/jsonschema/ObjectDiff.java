package dev.castle.jsonschema;

import static dev.castle.jsonschema.DifferenceType.ADDITIONAL_PROPERTIES_ADDED;
import static dev.castle.jsonschema.DifferenceType.ADDITIONAL_PROPERTIES_EXTENDED;
import static dev.castle.jsonschema.DifferenceType.ADDITIONAL_PROPERTIES_NARROWED;
import static dev.castle.jsonschema.DifferenceType.ADDITIONAL_PROPERTIES_REMOVED;
import static dev.castle.jsonschema.DifferenceType.DEPENDENCY_ARRAY_ADDED;
import static dev.castle.jsonschema.DifferenceType.DEPENDENCY_ARRAY_CHANGED;
import static dev.castle.jsonschema.DifferenceType.DEPENDENCY_ARRAY_EXTENDED;
import static dev.castle.jsonschema.DifferenceType.DEPENDENCY_ARRAY_NARROWED;
import static dev.castle.jsonschema.DifferenceType.DEPENDENCY_ARRAY_REMOVED;
import static dev.castle.jsonschema.DifferenceType.DEPENDENCY_SCHEMA_ADDED;
import static dev.castle.jsonschema.DifferenceType.DEPENDENCY_SCHEMA_REMOVED;
import static dev.castle.jsonschema.DifferenceType.REQUIRED_ATTRIBUTE_ADDED;
import static dev.castle.jsonschema.DifferenceType.REQUIRED_ATTRIBUTE_REMOVED;
import static dev.castle.jsonschema.DifferenceType.REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED;

import dev.castle.jsonschema.Shape.ObjectType;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The rules for objects: required properties, the properties themselves (see {@link ContentModel}), dependencies,
 * additional properties and the property counts. Keys are visited in hash-set order, as Confluent does, so the
 * differences come out in the same order.
 */
final class ObjectDiff {
    private ObjectDiff() {}

    static void compare(DiffContext context, ObjectType original, ObjectType update) {
        context.at("required", () -> compareRequired(context, original, update));
        context.at("properties", () -> ContentModel.compareProperties(context, original, update));
        context.at("dependencies", () -> compareDependencies(context, original, update));
        context.at("additionalProperties", () -> compareAdditional(context, original, update));
        Unevaluated.compare(
                context,
                "unevaluatedProperties",
                original.unevaluated(),
                update.unevaluated(),
                "UNEVALUATED_PROPERTIES");
        Limits.compare(context, "maxProperties", original.maxProperties(), update.maxProperties(), "MAX_PROPERTIES");
        Limits.compare(context, "minProperties", original.minProperties(), update.minProperties(), "MIN_PROPERTIES");
    }

    private static void compareRequired(DiffContext context, ObjectType original, ObjectType update) {
        for (String name : new HashSet<>(original.properties().keySet())) {
            if (!update.properties().containsKey(name)) {
                continue;
            }
            boolean wasRequired = original.required().contains(name);
            boolean isRequired = update.required().contains(name);
            if (wasRequired && !isRequired) {
                context.add(name, REQUIRED_ATTRIBUTE_REMOVED);
            } else if (!wasRequired && isRequired) {
                boolean withDefault =
                        update.properties().get(name).annotations().hasDefault();
                context.add(name, withDefault ? REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED : REQUIRED_ATTRIBUTE_ADDED);
            }
        }
    }

    private static void compareDependencies(DiffContext context, ObjectType original, ObjectType update) {
        for (String name : union(original.propertyDependencies(), update.propertyDependencies())) {
            Set<String> from = original.propertyDependencies().get(name);
            Set<String> to = update.propertyDependencies().get(name);
            if (to == null) {
                context.add(name, DEPENDENCY_ARRAY_REMOVED);
            } else if (from == null) {
                context.add(name, DEPENDENCY_ARRAY_ADDED);
            } else if (!from.equals(to)) {
                if (to.containsAll(from)) {
                    context.add(name, DEPENDENCY_ARRAY_EXTENDED);
                } else if (from.containsAll(to)) {
                    context.add(name, DEPENDENCY_ARRAY_NARROWED);
                } else {
                    context.add(name, DEPENDENCY_ARRAY_CHANGED);
                }
            }
        }
        for (String name : union(original.schemaDependencies(), update.schemaDependencies())) {
            Shape from = original.schemaDependencies().get(name);
            Shape to = update.schemaDependencies().get(name);
            if (to == null) {
                context.add(name, DEPENDENCY_SCHEMA_REMOVED);
            } else if (from == null) {
                context.add(name, DEPENDENCY_SCHEMA_ADDED);
            } else {
                context.at(name, () -> SchemaDiff.compare(context, from, to));
            }
        }
    }

    private static void compareAdditional(DiffContext context, ObjectType original, ObjectType update) {
        if (original.permitsAdditional() != update.permitsAdditional()) {
            context.add(update.permitsAdditional() ? ADDITIONAL_PROPERTIES_ADDED : ADDITIONAL_PROPERTIES_REMOVED);
        } else if (original.additional() == null && update.additional() != null) {
            context.add(ADDITIONAL_PROPERTIES_NARROWED);
        } else if (original.additional() != null && update.additional() == null) {
            context.add(ADDITIONAL_PROPERTIES_EXTENDED);
        } else {
            SchemaDiff.compare(context, original.additional(), update.additional());
        }
    }

    /** The keys of both maps, in the order of a hash set built like Confluent's. */
    static Set<String> union(Map<String, ?> original, Map<String, ?> update) {
        Set<String> keys = new HashSet<>(original.keySet());
        keys.addAll(update.keySet());
        return keys;
    }
}
