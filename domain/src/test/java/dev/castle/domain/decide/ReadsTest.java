package dev.castle.domain.decide;

import static dev.castle.domain.decide.DeciderImportAndReferencesTest.B;
import static dev.castle.domain.decide.DeciderImportAndReferencesTest.C;
import static dev.castle.domain.decide.DeciderRegisterTest.V1;
import static dev.castle.domain.decide.DeciderRegisterTest.V2;
import static dev.castle.domain.decide.DeciderRegisterTest.V2_NO_DEFAULT;
import static dev.castle.domain.decide.DeciderRegisterTest.compact;
import static dev.castle.domain.decide.RegisterAnswers.registeredAs;
import static dev.castle.domain.decide.RegistryFixture.record;
import static dev.castle.domain.decide.RegistryFixture.registration;
import static dev.castle.domain.decide.RegistryFixture.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.castle.domain.Command;
import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Mode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaEntity;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaTags;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.VersionSpec;
import dev.castle.domain.json.ResponseBodies;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadsTest {
    private static final String BAD_DEFAULT = record("r", "{\"name\":\"f\",\"type\":\"string\",\"default\":null}");

    private final RegistryFixture registry = new RegistryFixture();
    private final Reads reads = registry.reads;

    private RegistryException lookupFails(String subject, String schema) {
        return catchThrowableOfType(
                RegistryException.class, () -> reads.lookup(registry.model, subject, request(schema), false, false));
    }

    @Test
    void shouldLookUpStoredVersionForSemanticallyEqualText() {
        registry.register("s", V1);
        registry.register("s", V2);

        SchemaVersion found = reads.lookup(registry.model, "s", request(V1.replace(":", " : ")), false, false);

        assertThat(found.version()).isEqualTo(1);
        assertThat(found.id()).isEqualTo(1);
        assertThat(found.schema()).isEqualTo(compact(V1));
    }

    @Test
    void shouldAnswerSubjectNotFoundSchemaNotFoundOrInvalidSchema() {
        registry.register("s", V1);

        assertThat(lookupFails("x", V1).getMessage()).isEqualTo("Subject 'x' not found.");
        assertThat(lookupFails("s", V2).errorCode()).isEqualTo(ErrorCode.SCHEMA_NOT_FOUND);
        assertThat(lookupFails("s", V2).getMessage()).isEqualTo("Schema not found");
        assertThat(lookupFails("x", "{\"type\":\"recrod\"}").errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
    }

    @Test
    void shouldFindSoftDeletedVersionsOnlyWhenAsked() {
        registry.register("s", V1);
        registry.register("s", V2);
        registry.decide(new Command.DeleteVersion("s", 1, false));

        RegistryException hidden = lookupFails("s", V1);
        SchemaVersion found = reads.lookup(registry.model, "s", request(V1), false, true);

        assertThat(hidden.errorCode()).isEqualTo(ErrorCode.SCHEMA_NOT_FOUND);
        assertThat(found.version()).isEqualTo(1);
        assertThat(found.deleted()).isTrue();
    }

    @Test
    void shouldRetryUnqualifiedLookupInOtherContexts() {
        registry.register(":.ctx:s", V1);

        SchemaVersion found = reads.lookup(registry.model, "s", request(V1), false, false);

        assertThat(found.subject()).isEqualTo(":.ctx:s");
    }

    @Test
    void shouldLookUpSchemaSentWithReferencesInlined() {
        registry.register("c", C);
        registry.register("b", B, new SchemaReference("ns.C", "c", 1));

        SchemaVersion found =
                reads.lookup(registry.model, "b", request(B.replace("\"type\":\"C\"", "\"type\":" + C)), false, false);

        assertThat(found.subject()).isEqualTo("b");
        assertThat(found.references()).containsExactly(new SchemaReference("ns.C", "c", 1));
    }

    @Test
    void shouldTreatLatestOfUnknownSubjectAsCompatibleButMissingVersionAsNotFound() {
        Reads.CompatibilityResult latest =
                reads.checkCompatibility(registry.model, "x", VersionSpec.LATEST, request(V1), false, true);
        RegistryException missing = catchThrowableOfType(
                RegistryException.class,
                () -> reads.checkCompatibility(registry.model, "x", 100, request(V1), false, false));

        assertThat(latest).isEqualTo(new Reads.CompatibilityResult(true, List.of()));
        assertThat(missing.errorCode()).isEqualTo(ErrorCode.VERSION_NOT_FOUND);
        assertThat(missing.getMessage()).isEqualTo("Version 100 not found.");
    }

    @Test
    void shouldReportInvalidSchemaAsMessageOnlyWhenVerbose() {
        registry.register("s", V1);

        RegistryException plain = catchThrowableOfType(
                RegistryException.class,
                () -> reads.checkCompatibility(registry.model, "s", null, request(BAD_DEFAULT), false, false));
        Reads.CompatibilityResult verbose =
                reads.checkCompatibility(registry.model, "s", null, request(BAD_DEFAULT), false, true);

        assertThat(plain.errorCode()).isEqualTo(ErrorCode.INVALID_SCHEMA);
        assertThat(verbose.compatible()).isFalse();
        assertThat(verbose.messages()).singleElement().asString().startsWith("Invalid schema");
    }

    @Test
    void shouldExplainIncompatibilityOnlyWhenVerbose() {
        registry.register("s", V1);

        Reads.CompatibilityResult verbose =
                reads.checkCompatibility(registry.model, "s", VersionSpec.LATEST, request(V2_NO_DEFAULT), false, true);
        Reads.CompatibilityResult plain =
                reads.checkCompatibility(registry.model, "s", 1, request(V2_NO_DEFAULT), false, false);

        assertThat(verbose.compatible()).isFalse();
        assertThat(verbose.messages())
                .contains("{oldSchemaVersion: 1}", "{validateFields: 'false', compatibility: 'BACKWARD'}");
        assertThat(plain).isEqualTo(new Reads.CompatibilityResult(false, List.of()));
        assertThat(reads.checkCompatibility(registry.model, "s", 1, request(V2), false, false)
                        .compatible())
                .isTrue();
    }

    @Test
    void shouldCompareWithEveryLiveVersionUnderTransitiveLevelWithoutVersion() {
        registry.register("s", V1);
        registry.register("s", V2);
        registry.decide(new Command.SetConfig("s", ConfigValue.of(CompatibilityLevel.BACKWARD_TRANSITIVE)));

        assertThat(reads.checkCompatibility(registry.model, "s", null, request(V2_NO_DEFAULT), false, false)
                        .compatible())
                .isFalse();
        assertThat(reads.checkCompatibility(registry.model, "s", 2, request(V2_NO_DEFAULT), false, false)
                        .compatible())
                .isTrue();
    }

    @Test
    void shouldAnswerRegisteredAlreadyWithoutModeCheck() {
        registry.register("s", V1);
        registry.decide(new Command.SetMode(null, Mode.READONLY, false));

        Optional<Object> known = reads.registeredAlready(registry.model, registration("s", V1));
        Optional<Object> unknown = reads.registeredAlready(registry.model, registration("s", V2));

        assertThat(known).hasValueSatisfying(registeredAs(1));
        assertThat(unknown).isEmpty();
    }

    @Test
    void shouldLeaveIdOrVersionMismatchesToTheLeader() {
        registry.register("s", V1);
        SchemaRequest otherId = new SchemaRequest(V1, SchemaType.AVRO, List.of(), 9, null, null, null);
        SchemaRequest sameIdAndVersion = new SchemaRequest(V1, SchemaType.AVRO, List.of(), 1, 1, null, null);

        assertThat(reads.registeredAlready(registry.model, new Command.RegisterSchema("s", otherId, false)))
                .isEmpty();
        assertThat(reads.registeredAlready(registry.model, new Command.RegisterSchema("s", sameIdAndVersion, false)))
                .get()
                .isEqualTo(ResponseBodies.SchemaEntity.of(
                        registry.model.version("s", 1).orElseThrow()));
    }

    @Test
    void shouldRenderResolvedSchemaWithReferencesInlined() {
        registry.register("c", C);
        registry.register("b", B, new SchemaReference("ns.C", "c", 1));
        SchemaVersion b = registry.model.version("b", 1).orElseThrow();

        assertThat(reads.render(registry.model, b, "resolved"))
                .isEqualTo(B.replace(
                        "\"type\":\"C\"",
                        "\"type\":" + "{\"type\":\"enum\",\"name\":\"C\",\"symbols\":[\"X\",\"Y\"]}"));
        assertThat(reads.render(registry.model, b, null)).isEqualTo(b.schema());
        assertThat(reads.render(registry.model, b, "serialized")).isEqualTo(b.schema());
    }

    @Test
    void shouldLeaveRegistrationToTheLeaderWhenConfigCarriesMetadataDefaults() {
        registry.register("s", V1);
        registry.decide(new Command.SetConfig(
                "s", new ConfigValue(null, null, null, null, null, null, "{\"defaultMetadata\":{\"properties\":{}}}")));

        assertThat(reads.registeredAlready(registry.model, registration("s", V1)))
                .isEmpty();
    }

    @Test
    void shouldFindTheStoredSchemasTaggedEntitiesForFindTags() {
        registry.register(
                "t",
                "{\"type\":\"record\",\"name\":\"r\",\"namespace\":\"n\",\"fields\":["
                        + "{\"name\":\"a\",\"type\":\"string\",\"confluent:tags\":[\"PII\",\"X\"]}]}");
        SchemaVersion stored = registry.model.version("t", 1).orElseThrow();

        assertThat(reads.findTags(registry.model, stored, List.of("X")))
                .containsExactly(new SchemaTags(SchemaEntity.field("n.r.a"), List.of("PII", "X")));
        assertThat(reads.findTags(registry.model, stored, List.of("Y"))).isEmpty();
        assertThat(reads.findTags(registry.model, stored, List.of())).isEmpty();
    }
}
