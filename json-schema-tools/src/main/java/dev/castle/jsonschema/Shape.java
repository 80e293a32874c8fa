package dev.castle.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A JSON Schema as the compatibility diff sees it: one kind of constraint (string, number, object, combination...)
 * with the annotations every kind carries. A schema mixing keyword families (say {@code enum} and {@code type}) is a
 * synthetic {@code allOf} of one shape per family, the way Confluent's loader reads it.
 */
public sealed interface Shape {

    Annotations annotations();

    /** The keywords that do not constrain instances but that the diff reports when they change. */
    record Annotations(String id, String title, String description, JsonNode defaultValue, String connectType) {
        static final Annotations NONE = new Annotations(null, null, null, null, null);

        boolean hasDefault() {
            return defaultValue != null;
        }
    }

    /** Accepts anything: {@code {}}, {@code true} or a schema with annotations only. */
    record Empty(Annotations annotations) implements Shape {}

    /** Accepts nothing: {@code false}. */
    record False(Annotations annotations) implements Shape {}

    record BooleanType(Annotations annotations) implements Shape {}

    record NullType(Annotations annotations) implements Shape {}

    record StringType(Annotations annotations, Integer minLength, Integer maxLength, String pattern) implements Shape {}

    record NumberType(
            Annotations annotations,
            boolean integer,
            BigDecimal minimum,
            BigDecimal maximum,
            BigDecimal exclusiveMinimum,
            BigDecimal exclusiveMaximum,
            BigDecimal multipleOf)
            implements Shape {}

    /**
     * An object. {@code additional} is the schema of additional properties, null when they are unconstrained or
     * forbidden ({@code permitsAdditional} tells which); {@code unevaluated} is {@code unevaluatedProperties}, if any.
     */
    record ObjectType(
            Annotations annotations,
            Map<String, Shape> properties,
            Set<String> required,
            boolean permitsAdditional,
            Shape additional,
            Map<String, Shape> patternProperties,
            Map<String, Set<String>> propertyDependencies,
            Map<String, Shape> schemaDependencies,
            Integer minProperties,
            Integer maxProperties,
            Shape unevaluated)
            implements Shape {}

    /**
     * An array: {@code allItems} for list validation, {@code tuple} (possibly empty) for tuple validation, then
     * additional items as for objects; {@code unevaluated} is {@code unevaluatedItems}, if any.
     */
    record ArrayType(
            Annotations annotations,
            Shape allItems,
            List<Shape> tuple,
            boolean permitsAdditional,
            Shape additional,
            Integer minItems,
            Integer maxItems,
            boolean uniqueItems,
            Integer minContains,
            Integer maxContains,
            Shape unevaluated)
            implements Shape {}

    record Enum(Annotations annotations, Set<JsonNode> values) implements Shape {}

    record Const(Annotations annotations, JsonNode value) implements Shape {}

    /** {@code allOf}, {@code anyOf} or {@code oneOf}. */
    record Combined(Annotations annotations, Criterion criterion, List<Shape> subschemas) implements Shape {}

    record Not(Annotations annotations, Shape mustNotMatch) implements Shape {}

    /** {@code if}/{@code then}/{@code else}; the diff compares only its annotations, as Confluent does. */
    record Conditional(Annotations annotations) implements Shape {}

    /** A {@code $ref}, resolved once its document is loaded so that recursive schemas load. */
    final class Ref implements Shape {
        private final String target;
        private final Supplier<Shape> resolver;
        private Shape resolved;

        Ref(String target, Supplier<Shape> resolver) {
            this.target = target;
            this.resolver = resolver;
        }

        String target() {
            return target;
        }

        Shape resolve() {
            if (resolved == null) {
                resolved = resolver.get();
            }
            return resolved;
        }

        @Override
        public Annotations annotations() {
            return Annotations.NONE;
        }

        @Override
        public String toString() {
            return "Ref[" + target + "]";
        }
    }

    /** How a combination combines its subschemas; the name is the keyword. */
    enum Criterion {
        ALL_OF("allOf"),
        ANY_OF("anyOf"),
        ONE_OF("oneOf");

        private final String keyword;

        Criterion(String keyword) {
            this.keyword = keyword;
        }

        String keyword() {
            return keyword;
        }

        boolean sum() {
            return this != ALL_OF;
        }
    }
}
