package dev.castle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaTagsTest {
    private static final Map<SchemaEntity, Set<String>> TAGGED = tagged();

    private static Map<SchemaEntity, Set<String>> tagged() {
        Map<SchemaEntity, Set<String>> tagged = new LinkedHashMap<>();
        tagged.put(SchemaEntity.record("r"), new LinkedHashSet<>(List.of("REC", "PII")));
        tagged.put(SchemaEntity.field("r.a"), new LinkedHashSet<>(List.of("PII")));
        tagged.put(SchemaEntity.field("r.b"), new LinkedHashSet<>(List.of("OTHER")));
        return tagged;
    }

    @Test
    void shouldFindEveryTaggedEntityInOrderForTheWildcard() {
        List<SchemaTags> found = SchemaTags.matching(TAGGED, List.of("NONE", SchemaTags.ANY));

        assertThat(found)
                .containsExactly(
                        new SchemaTags(SchemaEntity.record("r"), List.of("REC", "PII")),
                        new SchemaTags(SchemaEntity.field("r.a"), List.of("PII")),
                        new SchemaTags(SchemaEntity.field("r.b"), List.of("OTHER")));
    }

    @Test
    void shouldFindEntitiesCarryingAnyNamedTagWithAllTheirTags() {
        assertThat(SchemaTags.matching(TAGGED, List.of("PII")))
                .containsExactly(
                        new SchemaTags(SchemaEntity.record("r"), List.of("REC", "PII")),
                        new SchemaTags(SchemaEntity.field("r.a"), List.of("PII")));
        assertThat(SchemaTags.matching(TAGGED, List.of("OTHER", "X")))
                .containsExactly(new SchemaTags(SchemaEntity.field("r.b"), List.of("OTHER")));
    }

    @Test
    void shouldFindNothingForUnknownTagsCaseSensitivelyOrNoTags() {
        assertThat(SchemaTags.matching(TAGGED, List.of("pii"))).isEmpty();
        assertThat(SchemaTags.matching(TAGGED, List.of())).isEmpty();
        assertThat(SchemaTags.matching(Map.of(), List.of(SchemaTags.ANY))).isEmpty();
    }
}
