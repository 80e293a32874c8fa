package dev.castle.domain.decide;

import static dev.castle.domain.decide.DeciderImportAndReferencesTest.B;
import static dev.castle.domain.decide.DeciderImportAndReferencesTest.C;
import static dev.castle.domain.decide.DeciderRegisterTest.V1;
import static dev.castle.domain.decide.DeciderRegisterTest.V2;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Command;
import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.VersionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeciderDeleteTest {
    private final RegistryFixture registry = new RegistryFixture();

    private void givenTwoVersions() {
        registry.register("s", V1);
        registry.register("s", V2);
    }

    private RegistryException deleteVersion(int version, boolean permanent) {
        return registry.rejected(new Command.DeleteVersion("s", version, permanent));
    }

    @Test
    void shouldSoftDeleteVersionByRewritingItAsDeleted() {
        givenTwoVersions();

        Decision decision = registry.decide(new Command.DeleteVersion("s", 1, false));

        assertThat(decision.response()).isEqualTo(1);
        assertThat(decision.events())
                .containsExactly(
                        new Event.SchemaUpserted(registry.model.version("s", 1).orElseThrow()));
        assertThat(registry.model.version("s", 1).orElseThrow().deleted()).isTrue();
    }

    @Test
    void shouldWalkTheSoftAndPermanentDeleteStateMachine() {
        givenTwoVersions();

        RegistryException permanentLive = deleteVersion(1, true);
        registry.decide(new Command.DeleteVersion("s", 1, false));
        RegistryException softTwice = deleteVersion(1, false);
        Decision permanent = registry.decide(new Command.DeleteVersion("s", 1, true));
        RegistryException gone = deleteVersion(1, true);

        assertThat(permanentLive.errorCode()).isEqualTo(ErrorCode.VERSION_NOT_SOFT_DELETED);
        assertThat(permanentLive.getMessage())
                .isEqualTo("Subject 's' Version 1 was not deleted first before being permanently deleted");
        assertThat(softTwice.getMessage())
                .isEqualTo("Subject 's' Version 1 was soft deleted.Set permanent=true to delete permanently");
        assertThat(permanent.events()).containsExactly(new Event.SchemaTombstoned("s", 1));
        assertThat(gone.errorCode()).isEqualTo(ErrorCode.VERSION_NOT_FOUND);
        assertThat(gone.getMessage()).isEqualTo("Version 1 not found.");
    }

    @Test
    void shouldDeleteLatestLiveVersionAndWalkDown() {
        givenTwoVersions();

        Decision first = registry.decide(new Command.DeleteVersion("s", VersionSpec.LATEST, false));
        Decision second = registry.decide(new Command.DeleteVersion("s", VersionSpec.LATEST, false));
        RegistryException none = deleteVersion(VersionSpec.LATEST, false);

        assertThat(first.response()).isEqualTo(2);
        assertThat(second.response()).isEqualTo(1);
        assertThat(none.getMessage()).isEqualTo("Version -1 not found.");
    }

    @Test
    void shouldAnswerUnknownSubjectAndVersion() {
        registry.register("s", V1);

        RegistryException subject = registry.rejected(new Command.DeleteVersion("x", 1, false));
        RegistryException version = deleteVersion(200, false);

        assertThat(subject.errorCode()).isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
        assertThat(subject.getMessage()).isEqualTo("Subject 'x' not found.");
        assertThat(version.getMessage()).isEqualTo("Version 200 not found.");
    }

    @Test
    void shouldRefuseToDeleteReferencedVersionUntilReferrerIsSoftDeleted() {
        registry.register("c", C);
        registry.register("b", B, new SchemaReference("ns.C", "c", 1));

        RegistryException version = registry.rejected(new Command.DeleteVersion("c", 1, false));
        RegistryException subject = registry.rejected(new Command.DeleteSubject("c", false));
        registry.decide(new Command.DeleteSubject("b", false));

        assertThat(version.errorCode()).isEqualTo(ErrorCode.REFERENCE_EXISTS);
        assertThat(version.getMessage())
                .isEqualTo("One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=c,version=1}.");
        assertThat(subject.errorCode()).isEqualTo(ErrorCode.REFERENCE_EXISTS);
        assertThat(registry.decide(new Command.DeleteVersion("c", 1, false)).response())
                .isEqualTo(1);
    }

    @Test
    void shouldRefuseDeletesInReadOnlyMode() {
        givenTwoVersions();
        registry.decide(new Command.SetMode("s", Mode.READONLY, false));

        assertThat(deleteVersion(1, false).getMessage()).isEqualTo("Subject s in context  is in read-only mode");
        assertThat(registry.rejected(new Command.DeleteSubject("s", false)).errorCode())
                .isEqualTo(ErrorCode.OPERATION_NOT_PERMITTED);
    }

    @Test
    void shouldSoftDeleteSubjectWithOneRecordCoveringEveryLiveVersion() {
        givenTwoVersions();

        Decision decision = registry.decide(new Command.DeleteSubject("s", false));
        RegistryException again = registry.rejected(new Command.DeleteSubject("s", false));

        assertThat(decision.response()).isEqualTo(List.of(1, 2));
        assertThat(decision.events()).containsExactly(new Event.SubjectDeleted("s", 2));
        assertThat(again.errorCode()).isEqualTo(ErrorCode.SUBJECT_SOFT_DELETED);
        assertThat(again.getMessage())
                .isEqualTo("Subject 's' was soft deleted.Set permanent=true to delete permanently");
    }

    @Test
    void shouldRequireSoftDeleteBeforePermanentSubjectDeleteAndThenClearSettings() {
        givenTwoVersions();
        registry.decide(new Command.SetConfig("s", ConfigValue.of(CompatibilityLevel.FULL)));
        registry.decide(new Command.SetMode("s", Mode.READWRITE, false));

        RegistryException early = registry.rejected(new Command.DeleteSubject("s", true));
        registry.decide(new Command.DeleteSubject("s", false));
        Decision permanent = registry.decide(new Command.DeleteSubject("s", true));

        assertThat(early.errorCode()).isEqualTo(ErrorCode.SUBJECT_NOT_SOFT_DELETED);
        assertThat(early.getMessage()).isEqualTo("Subject 's' was not deleted first before being permanently deleted");
        assertThat(permanent.response()).isEqualTo(List.of(1, 2));
        assertThat(permanent.events())
                .containsExactly(
                        new Event.SchemaTombstoned("s", 1),
                        new Event.SchemaTombstoned("s", 2),
                        new Event.ModeCleared("s"),
                        new Event.ConfigCleared("s"));
        assertThat(registry.rejected(new Command.DeleteSubject("s", true)).errorCode())
                .isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
    }

    @Test
    void shouldClearSubjectSettingsWhenLastVersionIsPermanentlyDeleted() {
        registry.register("s", V1);
        registry.decide(new Command.SetConfig("s", ConfigValue.of(CompatibilityLevel.FULL)));
        registry.decide(new Command.DeleteVersion("s", 1, false));

        Decision decision = registry.decide(new Command.DeleteVersion("s", 1, true));

        assertThat(decision.events()).containsExactly(new Event.SchemaTombstoned("s", 1), new Event.ConfigCleared("s"));
        assertThat(registry.model.config("s")).isEmpty();
    }
}
