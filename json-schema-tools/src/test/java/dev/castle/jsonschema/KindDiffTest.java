package dev.castle.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.castle.jsonschema.Shape.Annotations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every kind of {@link Shape} is known to the diff's dispatch, with or without rules of its own, and a shape is
 * compatible with itself (Confluent still reports an unchanged {@code not} as a compatible NOT_TYPE_NARROWED).
 */
class KindDiffTest {
    private static final Annotations NONE = Annotations.NONE;

    private static Map<Class<?>, Shape> samples() {
        Shape empty = new Shape.Empty(NONE);
        Map<Class<?>, Shape> samples = new LinkedHashMap<>();
        samples.put(Shape.Empty.class, empty);
        samples.put(Shape.False.class, new Shape.False(NONE));
        samples.put(Shape.BooleanType.class, new Shape.BooleanType(NONE));
        samples.put(Shape.NullType.class, new Shape.NullType(NONE));
        samples.put(Shape.Conditional.class, new Shape.Conditional(NONE));
        samples.put(Shape.Ref.class, new Shape.Ref("#", () -> empty));
        samples.put(Shape.StringType.class, new Shape.StringType(NONE, null, 1, null));
        samples.put(Shape.NumberType.class, new Shape.NumberType(NONE, false, null, null, null, null, null));
        samples.put(Shape.Enum.class, new Shape.Enum(NONE, Set.of(TextNode.valueOf("a"))));
        samples.put(Shape.Const.class, new Shape.Const(NONE, TextNode.valueOf("a")));
        samples.put(Shape.Not.class, new Shape.Not(NONE, empty));
        samples.put(Shape.Combined.class, new Shape.Combined(NONE, Shape.Criterion.ANY_OF, List.of(empty)));
        samples.put(
                Shape.ObjectType.class,
                new Shape.ObjectType(
                        NONE, Map.of(), Set.of(), true, null, Map.of(), Map.of(), Map.of(), null, null, null));
        samples.put(
                Shape.ArrayType.class,
                new Shape.ArrayType(NONE, null, List.of(), true, null, null, null, false, null, null, null));
        return samples;
    }

    @Test
    void shouldDispatchEveryKindOfShape() {
        // given
        Map<Class<?>, Shape> samples = samples();
        Set<Class<?>> withoutRules = Set.of(
                Shape.Empty.class,
                Shape.False.class,
                Shape.BooleanType.class,
                Shape.NullType.class,
                Shape.Conditional.class,
                Shape.Ref.class);

        // then
        assertThat(samples.keySet()).containsExactlyInAnyOrder(Shape.class.getPermittedSubclasses());
        for (Map.Entry<Class<?>, Shape> sample : samples.entrySet()) {
            DiffContext context = new DiffContext(new DiffContext.Pass(Map.of()));
            boolean hasRules = KindDiff.compare(context, sample.getValue(), sample.getValue());
            assertThat(hasRules).as(sample.getKey().getSimpleName()).isEqualTo(!withoutRules.contains(sample.getKey()));
            assertThat(DiffContext.allCompatible(context.differences()))
                    .as(sample.getKey().getSimpleName())
                    .isTrue();
        }
    }
}
