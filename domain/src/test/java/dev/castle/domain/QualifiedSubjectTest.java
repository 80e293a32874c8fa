package dev.castle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class QualifiedSubjectTest {
    private static final List<String> CONTEXTS = List.of(".", ".a", ".b");

    @Test
    void shouldFallBackToEveryNamedContextInOrderForADefaultContextSubject() {
        assertThat(QualifiedSubject.parse("s").fallbacks(CONTEXTS)).containsExactly(":.a:s", ":.b:s");
        // Confluent treats :.:s as unqualified: it lives in the default context
        assertThat(QualifiedSubject.parse(":.:s").fallbacks(CONTEXTS)).containsExactly(":.a:s", ":.b:s");
    }

    @Test
    void shouldNotFallBackForANamedContextOrAContextLevel() {
        assertThat(QualifiedSubject.parse(":.a:s").fallbacks(CONTEXTS)).isEmpty();
        assertThat(QualifiedSubject.parse(":.a:").fallbacks(CONTEXTS)).isEmpty();
        assertThat(QualifiedSubject.parse(":.:").fallbacks(CONTEXTS)).isEmpty();
    }

    @Test
    void shouldMatchASubjectOrEveryNameOfAContext() {
        TreeSet<String> names = new TreeSet<>(List.of("s", "t", ":.a:s", ":.a:u", ":.ab:s", ":.b:s"));
        assertThat(QualifiedSubject.matching("s", names)).containsExactly("s");
        assertThat(QualifiedSubject.matching("x", names)).isEmpty();
        assertThat(QualifiedSubject.matching(":.a:", names)).containsExactly(":.a:s", ":.a:u");
        assertThat(QualifiedSubject.matching(":.:", names)).containsExactly("s", "t");
    }
}
