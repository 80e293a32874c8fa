package dev.castle.domain.decide;

import static dev.castle.domain.decide.RegisterAnswers.asJson;
import static dev.castle.domain.decide.RegisterAnswers.registeredAs;
import static dev.castle.domain.decide.RegistryFixture.field;
import static dev.castle.domain.decide.RegistryFixture.fieldWithDefault;
import static dev.castle.domain.decide.RegistryFixture.record;
import static dev.castle.domain.decide.RegistryFixture.registration;
import static dev.castle.domain.decide.RegistryFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Command;
import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaFingerprint;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeciderRegisterTest {
    static final String V1 = record("myrecord", field("f1", "string"));
    static final String V2 = record("myrecord", field("f1", "string"), fieldWithDefault("f2", "string", "\"x\""));
    static final String V2_NO_DEFAULT = record("myrecord", field("f1", "string"), field("f2", "string"));

    private final RegistryFixture registry = new RegistryFixture();

    @Test
    void shouldStoreFirstSchemaAsVersionOneWithIdOneInCanonicalForm() {
        // when
        Decision decision = registry.decide(registration("s", "{ \"type\" : \"string\" }"));

        // then
        assertThat(decision.response()).is(registeredAs(1));
        assertThat(decision.events())
                .containsExactly(new Event.SchemaUpserted(
                        new SchemaVersion("s", 1, 1, SchemaType.AVRO, "\"string\"", List.of(), null, null, false)));
    }

    @Test
    void shouldAnswerExistingIdWithoutEventsWhenSchemaIsAlreadyLive() {
        // given
        registry.register("s", V1);

        // when the same schema is sent again with different whitespace
        Decision decision = registry.decide(registration("s", V1.replace(",", " ,  ")));

        // then
        assertThat(decision.response()).is(registeredAs(1));
        assertThat(decision.events()).isEmpty();
    }

    @Test
    void shouldReuseIdForSameSchemaUnderAnotherSubject() {
        registry.register("a", V1);

        Decision decision = registry.decide(registration("b", V1));

        assertThat(decision.response()).is(registeredAs(1));
        assertThat(registry.model.version("b", 1))
                .get()
                .extracting(SchemaVersion::id)
                .isEqualTo(1);
    }

    @Test
    void shouldAllocateNextIdAndVersionForCompatibleChange() {
        registry.register("s", V1);
        registry.register("other", "\"int\"");

        int id = registry.register("s", V2);

        assertThat(id).isEqualTo(3);
        assertThat(registry.model.version("s", 2))
                .get()
                .extracting(SchemaVersion::id)
                .isEqualTo(3);
    }

    @Test
    void shouldRejectIncompatibleSchemaWhenBackward() {
        registry.register("s", V1);

        RegistryException error = registry.rejected(registration("s", V2_NO_DEFAULT));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.INCOMPATIBLE_SCHEMA);
        assertThat(error.getMessage())
                .isEqualTo("Schema being registered is incompatible with an earlier schema for subject \"s\","
                        + " details: [{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at"
                        + " path '/fields/1' in the new schema has no default value and is missing in the old schema',"
                        + " additionalInfo:'f2'}, {oldSchemaVersion: 1}, {oldSchema: '" + compact(V1) + "'},"
                        + " {validateFields: 'false', compatibility: 'BACKWARD'}]");
    }

    @Test
    void shouldRegisterIncompatibleSchemaOnceGlobalLevelIsNone() {
        registry.register("s", V1);
        registry.decide(new Command.SetConfig(null, ConfigValue.of(CompatibilityLevel.NONE)));

        assertThat(registry.register("s", V2_NO_DEFAULT)).isEqualTo(2);
    }

    @Test
    void shouldPreferSubjectThenContextLevelOverGlobal() {
        registry.decide(new Command.SetConfig(null, ConfigValue.of(CompatibilityLevel.NONE)));
        registry.register(":.ctx:s", V1);
        registry.register("t", V1);
        registry.decide(new Command.SetConfig(":.ctx:", ConfigValue.of(CompatibilityLevel.BACKWARD)));
        registry.decide(new Command.SetConfig("t", ConfigValue.of(CompatibilityLevel.FORWARD)));

        assertThat(registry.rejected(registration(":.ctx:s", V2_NO_DEFAULT)).errorCode())
                .isEqualTo(ErrorCode.INCOMPATIBLE_SCHEMA);
        assertThat(registry.register("t", V2_NO_DEFAULT)).isEqualTo(2);
        assertThat(registry.rejected(registration("t", record("myrecord", field("f1", "int"))))
                        .getMessage())
                .contains("compatibility: 'FORWARD'");
    }

    @Test
    void shouldRejectInvalidSubjects() {
        for (String subject : List.of("\rbad\nsubject\t", "__GLOBAL", ":.ctx:__EMPTY", ":.__GLOBAL:s")) {
            RegistryException error = registry.rejected(registration(subject, V1));
            assertThat(error.errorCode()).as(subject).isEqualTo(ErrorCode.INVALID_SUBJECT);
            assertThat(error.getMessage()).isEqualTo("The specified subject '" + subject + "' is not a valid.");
        }
    }

    @Test
    void shouldRejectInvalidSchemaWithConfluentsText() {
        RegistryException error = registry.rejected(registration("s", "{\"type\":\"recrod\"}"));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThat(error.getMessage())
                .startsWith("Invalid schema {subject=s,version=0,id=-1,schemaType=AVRO,references=[],")
                .contains("of type AVRO, details: ");
        assertThat(registry.model.subjects()).isEmpty();
    }

    @Test
    void shouldNameAnUndefinedTypeAsWrittenInConfluentsText() {
        String bad = record("r", field("f", "invalid_type"));

        RegistryException error = registry.rejected(registration("s", bad));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThat(error.getMessage())
                .isEqualTo("Invalid schema {subject=s,version=0,id=-1,schemaType=AVRO,references=[],metadata=null,"
                        + "ruleSet=null,schema=" + bad + ",schemaTags=null} with refs [] of type AVRO, details: "
                        + "\"invalid_type\" is not a defined name. The type of the \"f\" field must be a defined"
                        + " name or a {\"type\": ...} expression.");
    }

    @Test
    void shouldRejectStringFieldWithNullDefault() {
        String bad = record("r", "{\"name\":\"f\",\"type\":\"string\",\"default\":null}");

        assertThat(registry.rejected(registration("s", bad)).errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
    }

    @Test
    void shouldRejectEmptySchemaForNewSubject() {
        RegistryException error = registry.rejected(registration("s", ""));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThat(error.getMessage()).isEqualTo("Empty schema");
    }

    @Test
    void shouldReuseLatestSchemaForEmptySchemaAndAnswerTheFullEntity() {
        registry.register("s", V1);

        Decision decision = registry.decide(new Command.RegisterSchema("s", request(null), false));

        assertThat(decision.events()).isEmpty();
        assertThat(asJson(decision.response()))
                .isEqualTo(Map.of("subject", "s", "version", 1, "id", 1, "guid", guid("s", 1), "schema", compact(V1)));
    }

    @Test
    void shouldRequireExplicitVersionToBeOneMoreThanPrevious() {
        registry.register("s", V1);
        SchemaRequest wrong = new SchemaRequest(V2, SchemaType.AVRO, List.of(), null, 3, null, null);
        SchemaRequest right = new SchemaRequest(V2, SchemaType.AVRO, List.of(), null, 2, null, null);

        RegistryException error = registry.rejected(new Command.RegisterSchema("s", wrong, false));
        Decision decision = registry.decide(new Command.RegisterSchema("s", right, false));

        assertThat(error.getMessage()).isEqualTo("Version is not one more than previous version");
        assertThat(error.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThat(decision.response()).is(registeredAs(2));
    }

    @Test
    void shouldRefuseWritesInReadOnlyModes() {
        registry.decide(new Command.SetMode("s", Mode.READONLY, false));
        registry.decide(new Command.SetMode(":.ctx:", Mode.READONLY, false));

        assertThat(registry.rejected(registration("s", V1)).getMessage())
                .isEqualTo("Subject s in context  is in read-only mode");
        assertThat(registry.rejected(registration(":.ctx:t", V1)).getMessage())
                .isEqualTo("Subject :.ctx:t in context :.ctx: is in read-only mode");
        assertThat(registry.register("t", V1)).isEqualTo(1);

        registry.decide(new Command.SetMode(null, Mode.READONLY_OVERRIDE, false));
        assertThat(registry.rejected(registration("u", V1)).errorCode()).isEqualTo(ErrorCode.OPERATION_NOT_PERMITTED);
    }

    @Test
    void shouldAnswerKnownSchemaBeforeCheckingModeAsConfluentsLeaderDoes() {
        // given a live schema, then the registry switched to IMPORT
        registry.register("s", V1);
        registry.decide(new Command.SetMode(null, Mode.IMPORT, true));

        // when a forwarded registration without id reaches the leader
        Decision decision = registry.decide(registration("s", V1));

        // then it is answered like the fast path, not refused for the mode
        assertThat(decision.response()).is(registeredAs(1));
        assertThat(decision.events()).isEmpty();
        assertThat(registry.rejected(registration("s", V2)).getMessage())
                .isEqualTo("Subject s in context  is not in read-write mode");
    }

    @Test
    void shouldRequireReadWriteWithoutIdAndImportWithId() {
        registry.decide(new Command.SetMode(null, Mode.IMPORT, false));
        RegistryException withoutId = registry.rejected(registration("s", V1));
        registry.decide(new Command.SetMode(null, Mode.READWRITE, false));
        RegistryException withId =
                registry.rejected(new Command.RegisterSchema("s", RegistryFixture.imported(V1, 5, 1), false));

        assertThat(withoutId.getMessage()).isEqualTo("Subject s in context  is not in read-write mode");
        assertThat(withId.getMessage()).isEqualTo("Subject s is not in import or forward mode");
        assertThat(withId.errorCode()).isEqualTo(ErrorCode.OPERATION_NOT_PERMITTED);
    }

    @Test
    void shouldReviveSoftDeletedSchemaWithSameIdAsNewVersionAndTombstoneTheOldOne() {
        registry.register("s", V1);
        registry.register("s", V2);
        registry.decide(new Command.DeleteVersion("s", 1, false));

        Decision decision = registry.decide(registration("s", V1));

        assertThat(decision.response()).is(registeredAs(1));
        assertThat(decision.events())
                .containsExactly(
                        new Event.SchemaTombstoned("s", 1),
                        new Event.SchemaUpserted(new SchemaVersion(
                                "s", 3, 1, SchemaType.AVRO, compact(V1), List.of(), null, null, false)));
    }

    @Test
    void shouldAllocateNewIdAfterEveryVersionOfAnIdIsHardDeleted() {
        registry.register("s", V1);
        registry.decide(new Command.DeleteSubject("s", false));
        registry.decide(new Command.DeleteSubject("s", true));

        Decision decision = registry.decide(registration("s", V1));

        assertThat(decision.response()).is(registeredAs(2));
        assertThat(registry.model.version("s", 1)).isPresent();
    }

    @Test
    void shouldReuseNumberOfHardDeletedTopVersion() {
        registry.register("s", V1);
        registry.register("s", V2);
        registry.decide(new Command.DeleteVersion("s", 2, false));
        registry.decide(new Command.DeleteVersion("s", 2, true));

        registry.decide(registration("s", V2));

        assertThat(registry.model.version("s", 2))
                .get()
                .extracting(SchemaVersion::deleted)
                .isEqualTo(false);
    }

    @Test
    void shouldReportDifferentSchemaTypeWithoutParsingTheOtherType() {
        // given a JSON Schema version written to the topic by another registry
        registry.model.apply(
                new Event.SchemaUpserted(new SchemaVersion(
                        "s", 1, 1, SchemaType.JSON, "{\"type\":\"object\"}", List.of(), null, null, false)),
                100);

        // when an Avro schema is registered under the same subject
        RegistryException error = registry.rejected(registration("s", V1));

        // then
        assertThat(error.getMessage())
                .endsWith("details: [Incompatible because of different schema type,"
                        + " {validateFields: 'false', compatibility: 'BACKWARD'}]");
    }

    static String compact(String avro) {
        return new dev.castle.domain.format.avro.AvroFormat()
                .parse(avro, Map.of(), false)
                .canonical();
    }

    private String guid(String subject, int version) {
        return SchemaFingerprint.guid(registry.model.version(subject, version).orElseThrow());
    }
}
