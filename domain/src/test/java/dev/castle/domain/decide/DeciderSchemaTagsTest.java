package dev.castle.domain.decide;

import static dev.castle.domain.decide.RegistryFixture.field;
import static dev.castle.domain.decide.RegistryFixture.fieldWithDefault;
import static dev.castle.domain.decide.RegistryFixture.record;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Command;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaEntity;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaTags;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.TagChanges;
import dev.castle.domain.TagRequest;
import dev.castle.domain.VersionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registration with {@code schemaTagsToAdd}/{@code schemaTagsToRemove}/{@code propagateSchemaTags}, and {@code /tags}. */
class DeciderSchemaTagsTest {
    static final String V1 = record("r", field("f1", "string"));
    static final String V1_TAGGED =
            "{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"f1\",\"type\":\"string\"}],"
                    + "\"confluent:tags\":[\"T1\",\"T2\"]}";

    private final RegistryFixture registry = new RegistryFixture();

    @Test
    void shouldStoreTheTaggedTextAsANewVersionWithItsNumberInTheMetadata() {
        // given
        registry.register("s", V1);

        // when the same schema is sent with tags to add and no version
        registry.decide(tagged(V1, null, List.of(tags(SchemaEntity.record("r"), "T1", "T2")), List.of(), false));

        // then it is version 2, with its own id, the tags in the text and confluent:version 2
        SchemaVersion stored = registry.model.version("s", 2).orElseThrow();
        assertThat(stored.schema()).isEqualTo(V1_TAGGED);
        assertThat(stored.id()).isEqualTo(2);
        assertThat(stored.metadata()).isEqualTo("{\"properties\":{\"confluent:version\":\"2\"}}");
    }

    @Test
    void shouldRemoveTagsAndCarryTheRestToTheNextVersion() {
        // given
        registry.register("s", V1);
        registry.decide(tagged(V1, 2, List.of(tags(SchemaEntity.record("r"), "T1", "T2")), List.of(), false));

        // when T2 is removed, then a field is added with propagateSchemaTags
        registry.decide(tagged(V1_TAGGED, 3, List.of(), List.of(tags(SchemaEntity.record("r"), "T2")), false));
        String evolved = record("r", field("f1", "string"), fieldWithDefault("f2", "string", "\"hi\""));
        registry.decide(tagged(evolved, null, List.of(), List.of(), true));

        // then version 3 keeps T1 only, and version 4 got it from version 3
        String one = "\"confluent:tags\":[\"T1\"]}";
        assertThat(registry.model.version("s", 3).orElseThrow().schema()).endsWith("}]," + one);
        assertThat(registry.model.version("s", 4).orElseThrow().schema())
                .startsWith("{\"type\":\"record\",\"name\":\"r\",\"fields\":[{\"name\":\"f1\"")
                .contains("\"default\":\"hi\"")
                .endsWith("}]," + one);
    }

    @Test
    void shouldAnswer42201WithConfluentsMessageForAPathThatNamesNothing() {
        // given
        registry.register("s", V1);

        // when
        RegistryException error = registry.rejected(
                tagged(V1, null, List.of(tags(SchemaEntity.field("does.not.exist"), "T")), List.of(), false));

        // then
        assertThat(error.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThat(error.getMessage())
                .isEqualTo("java.lang.IllegalArgumentException: No matching path 'does.not.exist' found in the schema");
    }

    @Test
    void shouldRefuseTagsWithAVersionThatIsNotTheNext() {
        // given
        registry.register("s", V1);

        // when
        RegistryException error =
                registry.rejected(tagged(V1, 1, List.of(tags(SchemaEntity.record("r"), "T")), List.of(), false));

        // then
        assertThat(error.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThat(error.getMessage()).isEqualTo("Version is not one more than previous version");
    }

    @Test
    void shouldDeriveANewVersionFromAnExistingOneThroughTheTagsEndpoint() {
        // given
        registry.register("s", V1);

        // when
        registry.decide(new Command.TagSchema(
                "s",
                VersionSpec.LATEST,
                new TagRequest(
                        2,
                        List.of(tags(SchemaEntity.record("r"), "T1", "T2")),
                        null,
                        null,
                        null,
                        "{\"domainRules\":[{\"name\":\"a\",\"type\":\"CEL\"},{\"name\":\"b\",\"type\":\"CEL\"}]}",
                        List.of("b"))));

        // then
        SchemaVersion stored = registry.model.version("s", 2).orElseThrow();
        assertThat(stored.schema()).isEqualTo(V1_TAGGED);
        assertThat(stored.metadata()).isEqualTo("{\"properties\":{\"confluent:version\":\"2\"}}");
        assertThat(stored.ruleSet()).contains("\"name\":\"a\"").doesNotContain("\"name\":\"b\"");
    }

    @Test
    void shouldAnswerNotFoundForATagsRequestOnAMissingSubjectOrVersion() {
        // given
        registry.register("s", V1);
        TagRequest request =
                new TagRequest(null, List.of(tags(SchemaEntity.record("r"), "T")), null, null, null, null, null);

        // then
        assertThat(registry.rejected(new Command.TagSchema("other", 1, request)).errorCode())
                .isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
        assertThat(registry.rejected(new Command.TagSchema("s", 2, request)).errorCode())
                .isEqualTo(ErrorCode.VERSION_NOT_FOUND);
    }

    private static SchemaTags tags(SchemaEntity entity, String... names) {
        return new SchemaTags(entity, List.of(names));
    }

    private static Command.RegisterSchema tagged(
            String schema, Integer version, List<SchemaTags> add, List<SchemaTags> remove, boolean propagate) {
        SchemaRequest request = new SchemaRequest(
                schema, SchemaType.AVRO, List.of(), null, version, null, null, new TagChanges(add, remove, propagate));
        return new Command.RegisterSchema("s", request, false);
    }
}
