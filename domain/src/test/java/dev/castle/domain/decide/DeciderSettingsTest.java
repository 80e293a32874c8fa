package dev.castle.domain.decide;

import static dev.castle.domain.decide.DeciderRegisterTest.V1;
import static dev.castle.domain.decide.RegisterAnswers.asJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Command;
import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistrySettings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeciderSettingsTest {
    private final RegistryFixture registry = new RegistryFixture();

    private static ConfigValue normalizeOnly() {
        return new ConfigValue(null, true, null, null, null, null, null);
    }

    @Test
    void shouldEchoGlobalConfigInRequestVocabulary() {
        Decision decision = registry.decide(new Command.SetConfig(null, ConfigValue.of(CompatibilityLevel.FULL)));

        assertThat(decision.events())
                .containsExactly(new Event.ConfigSet(null, ConfigValue.of(CompatibilityLevel.FULL)));
        assertThat(asJson(decision.response())).isEqualTo(Map.of("compatibility", "FULL"));
    }

    @Test
    void shouldMergeSetFieldsIntoTheStoredSubjectConfig() {
        registry.decide(new Command.SetConfig("s", normalizeOnly()));

        Decision decision = registry.decide(new Command.SetConfig("s", ConfigValue.of(CompatibilityLevel.FORWARD)));

        assertThat(asJson(decision.response())).isEqualTo(Map.of("normalize", true, "compatibility", "FORWARD"));
        assertThat(registry.model.config("s"))
                .contains(new ConfigValue(null, true, null, null, CompatibilityLevel.FORWARD, null, null));
    }

    @Test
    void shouldTreatDefaultContextAsGlobalAndRejectInvalidSubjects() {
        Decision decision = registry.decide(new Command.SetConfig(":.:", ConfigValue.of(CompatibilityLevel.NONE)));
        RegistryException invalid =
                registry.rejected(new Command.SetConfig("bad\n", ConfigValue.of(CompatibilityLevel.NONE)));

        assertThat(decision.events().get(0))
                .isEqualTo(new Event.ConfigSet(null, ConfigValue.of(CompatibilityLevel.NONE)));
        assertThat(invalid.errorCode()).isEqualTo(ErrorCode.INVALID_SUBJECT);
    }

    @Test
    void shouldAnswerPreviousConfigOnDeleteOrSubjectNotFound() {
        registry.decide(new Command.SetConfig("s", ConfigValue.of(CompatibilityLevel.FORWARD)));

        Decision deleted = registry.decide(new Command.DeleteConfig("s"));
        RegistryException again = registry.rejected(new Command.DeleteConfig("s"));

        assertThat(asJson(deleted.response())).isEqualTo(Map.of("compatibilityLevel", "FORWARD"));
        assertThat(deleted.events()).containsExactly(new Event.ConfigCleared("s"));
        assertThat(again.errorCode()).isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
        assertThat(again.getMessage()).isEqualTo("Subject 's' not found.");
    }

    @Test
    void shouldAnswerConfigInEffectOnGlobalDelete() {
        Decision untouched = registry.decide(new Command.DeleteConfig(null));
        registry.decide(new Command.SetConfig(null, ConfigValue.of(CompatibilityLevel.FULL)));
        Decision changed = registry.decide(new Command.DeleteConfig(null));

        assertThat(asJson(untouched.response())).isEqualTo(Map.of("compatibilityLevel", "BACKWARD"));
        assertThat(asJson(changed.response())).isEqualTo(Map.of("compatibilityLevel", "FULL"));
        assertThat(changed.events()).containsExactly(new Event.ConfigCleared(null));
    }

    @Test
    void shouldEchoModeAndClearItWithNull() {
        Decision set = registry.decide(new Command.SetMode("s", Mode.READONLY, false));
        Decision cleared = registry.decide(new Command.SetMode("s", null, false));

        assertThat(asJson(set.response())).isEqualTo(Map.of("mode", "READONLY"));
        assertThat(set.events()).containsExactly(new Event.ModeSet("s", Mode.READONLY));
        Map<String, Object> nullMode = new HashMap<>();
        nullMode.put("mode", null);
        assertThat(asJson(cleared.response())).isEqualTo(nullMode);
        assertThat(cleared.events()).containsExactly(new Event.ModeCleared("s"));
    }

    @Test
    void shouldAllowForwardModeOnlyGlobally() {
        RegistryException error = registry.rejected(new Command.SetMode("s", Mode.FORWARD, false));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.INVALID_MODE);
        assertThat(error.getMessage()).isEqualTo("Forward mode only supported on global level");
        assertThat(registry.decide(new Command.SetMode(null, Mode.FORWARD, false))
                        .events())
                .hasSize(1);
    }

    @Test
    void shouldRefuseModeChangesWhenImmutable() {
        RegistryFixture immutable =
                new RegistryFixture(new RegistrySettings(CompatibilityLevel.BACKWARD, false, 1000, 1000, true));

        RegistryException set = immutable.rejected(new Command.SetMode(null, Mode.READONLY, false));
        RegistryException delete = immutable.rejected(new Command.DeleteMode(null, false));

        assertThat(set.errorCode()).isEqualTo(ErrorCode.OPERATION_NOT_PERMITTED);
        assertThat(set.getMessage()).isEqualTo("Mode changes are not allowed");
        assertThat(delete.getMessage()).isEqualTo("Mode changes are not allowed");
    }

    @Test
    void shouldRefuseImportWhileLiveSubjectsExistUnlessForced() {
        registry.register("s", V1);

        RegistryException error = registry.rejected(new Command.SetMode(null, Mode.IMPORT, false));
        Decision forced = registry.decide(new Command.SetMode(null, Mode.IMPORT, true));

        assertThat(error.errorCode()).isEqualTo(ErrorCode.OPERATION_NOT_PERMITTED);
        assertThat(error.getMessage()).isEqualTo("Cannot import since found existing subjects");
        assertThat(forced.events()).containsExactly(new Event.ModeSet(null, Mode.IMPORT));
    }

    @Test
    void shouldPurgeSoftDeletedVersionsWhenSwitchingSubjectToImport() {
        registry.register("s", V1);
        registry.register("t", V1);
        registry.decide(new Command.DeleteSubject("s", false));

        Decision decision = registry.decide(new Command.SetMode("s", Mode.IMPORT, false));

        assertThat(decision.events())
                .containsExactly(
                        new Event.SchemaTombstoned("s", 1),
                        new Event.SubjectCleared("s"),
                        new Event.ModeSet("s", Mode.IMPORT));
        assertThat(registry.model.versions("s")).isEmpty();
    }

    @Test
    void shouldAnswerPreviousModeOnDelete() {
        registry.decide(new Command.SetMode("s", Mode.READONLY, false));

        Decision subject = registry.decide(new Command.DeleteMode("s", false));
        RegistryException again = registry.rejected(new Command.DeleteMode("s", false));
        Decision global = registry.decide(new Command.DeleteMode(null, false));

        assertThat(asJson(subject.response())).isEqualTo(Map.of("mode", "READONLY"));
        assertThat(subject.events()).containsExactly(new Event.ModeCleared("s"));
        assertThat(again.errorCode()).isEqualTo(ErrorCode.SUBJECT_NOT_FOUND);
        assertThat(asJson(global.response())).isEqualTo(Map.of("mode", "READWRITE"));
    }

    @Test
    void shouldClearSubjectModesUnderAContextWhenRecursive() {
        registry.register(":.ctx:a", V1);
        registry.decide(new Command.SetMode(":.ctx:a", Mode.READONLY, false));
        registry.decide(new Command.SetMode(":.ctx:", Mode.READWRITE, false));

        Decision decision = registry.decide(new Command.DeleteMode(":.ctx:", true));

        assertThat(decision.events())
                .containsExactly(new Event.ModeCleared(":.ctx:"), new Event.ModeCleared(":.ctx:a"));
    }

    @Test
    void shouldRefuseConfigChangesInReadOnlyMode() {
        registry.decide(new Command.SetMode("s", Mode.READONLY, false));

        RegistryException error =
                registry.rejected(new Command.SetConfig("s", ConfigValue.of(CompatibilityLevel.NONE)));

        assertThat(error.getMessage()).isEqualTo("Subject s in context  is in read-only mode");
    }

    @Test
    void shouldCompareOnlyVersionsOfTheSameCompatibilityGroup() {
        // given versions tagged with application.major 1, then a group config
        String v1 = DeciderRegisterTest.V1;
        String breaking = RegistryFixture.record("myrecord", RegistryFixture.field("f1", "int"));
        registry.decide(new Command.RegisterSchema("s", withMajor(v1, "1"), false));
        registry.decide(
                new Command.SetConfig("s", new ConfigValue(null, null, true, null, null, "application.major", null)));

        // when a breaking change is registered in group 2, and again in group 1
        Decision newGroup = registry.decide(new Command.RegisterSchema("s", withMajor(breaking, "2"), false));
        RegistryException sameGroup = registry.rejected(
                new Command.RegisterSchema("s", withMajor(breaking.replace("int", "long"), "1"), false));

        // then only the same group is compared, and the message shows validateFields from the config
        assertThat(newGroup.events()).hasSize(1);
        assertThat(sameGroup.getMessage()).endsWith("{validateFields: 'true', compatibility: 'BACKWARD'}]");
    }

    private static dev.castle.domain.SchemaRequest withMajor(String schema, String major) {
        return new dev.castle.domain.SchemaRequest(
                schema,
                dev.castle.domain.SchemaType.AVRO,
                java.util.List.of(),
                null,
                null,
                "{\"properties\":{\"application.major\":\"" + major + "\"}}",
                null);
    }
}
