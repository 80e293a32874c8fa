package dev.castle.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.RegistryView;
import org.junit.jupiter.api.Test;

class SubjectsTest {

    @Test
    void shouldMatchEveryContextWithWildcardPrefix() {
        assertThat(Subjects.matchesPrefix("orders", ":*:")).isTrue();
        assertThat(Subjects.matchesPrefix(":.ctx:orders", ":*:")).isTrue();
        assertThat(Subjects.matchesPrefix(":.ctx:orders", ":*:ord")).isTrue();
        assertThat(Subjects.matchesPrefix(":.ctx:orders", ":*:pay")).isFalse();
    }

    @Test
    void shouldMatchOnlyTheNamedContextWithQualifiedPrefix() {
        assertThat(Subjects.matchesPrefix(":.ctx:orders", ":.ctx:")).isTrue();
        assertThat(Subjects.matchesPrefix(":.other:orders", ":.ctx:")).isFalse();
        assertThat(Subjects.matchesPrefix("orders", ":.ctx:")).isFalse();
        assertThat(Subjects.matchesPrefix("orders", ":.:")).isTrue();
        assertThat(Subjects.matchesPrefix(":.ctx:orders", ":.:")).isFalse();
    }

    @Test
    void shouldMatchPlainPrefixOnStoredName() {
        assertThat(Subjects.matchesPrefix("orders-value", "orders")).isTrue();
        assertThat(Subjects.matchesPrefix("payments", "orders")).isFalse();
        assertThat(Subjects.matchesPrefix("anything", "")).isTrue();
        assertThat(Subjects.matchesPrefix("anything", null)).isTrue();
    }

    @Test
    void shouldResolveUnqualifiedSubjectInOtherContextWhenDefaultMisses() {
        RegistryView view = new FoldedView().add(":.ctx:orders", 1, 1, false).view();

        assertThat(Subjects.resolve(view, "orders", false)).contains(":.ctx:orders");
        assertThat(Subjects.resolve(view, ":.other:orders", false)).isEmpty();
    }

    @Test
    void shouldPreferDefaultContextAndHonourDeletedFlag() {
        RegistryView view = new FoldedView()
                .add("orders", 1, 1, true)
                .add(":.ctx:orders", 1, 1, false)
                .view();

        assertThat(Subjects.resolve(view, "orders", true)).contains("orders");
        assertThat(Subjects.resolve(view, "orders", false)).contains(":.ctx:orders");
        assertThat(Subjects.resolve(view, "missing", true)).isEmpty();
    }
}
