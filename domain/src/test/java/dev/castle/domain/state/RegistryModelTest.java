package dev.castle.domain.state;

import static dev.castle.domain.state.Fixtures.avro;
import static dev.castle.domain.state.Fixtures.ref;
import static dev.castle.domain.state.Fixtures.registered;
import static dev.castle.domain.state.Fixtures.schema;
import static dev.castle.domain.state.Fixtures.softDeleted;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.SchemaFingerprint;
import dev.castle.domain.SchemaVersion;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RegistryModelTest {
    private final RegistryModel model = new RegistryModel();
    private long offset;

    private boolean apply(Event... events) {
        boolean all = true;
        for (Event event : events) {
            all &= model.apply(event, offset++);
        }
        return all;
    }

    private static String fingerprint(String text) {
        return SchemaFingerprint.of(schema("any", 1, 1, text));
    }

    @Test
    void shouldIndexRegisteredVersionByEveryKey() {
        // when
        apply(registered("orders", 1, 7, avro("A")));

        // then
        SchemaVersion expected = schema("orders", 1, 7, avro("A"));
        assertThat(model.versions("orders")).containsExactly(expected);
        assertThat(model.version("orders", 1)).contains(expected);
        assertThat(model.subjects()).containsExactly("orders");
        assertThat(model.versionsById(".", 7)).containsExactly(expected);
        assertThat(model.idByFingerprint(".", fingerprint(avro("A")))).isEqualTo(OptionalInt.of(7));
        assertThat(model.maxId(".")).isEqualTo(7);
        assertThat(model.appliedOffset()).isZero();
    }

    @Test
    void shouldGiveSameIdUnderTwoSubjectsInOrderOfAppearance() {
        // when
        apply(registered("b", 1, 1, avro("A")), registered("a", 3, 1, avro("A")));

        // then
        assertThat(model.versionsById(".", 1))
                .extracting(SchemaVersion::subject)
                .containsExactly("b", "a");
    }

    @Test
    void shouldKeepTheOrderOfAnIdsCarriersAsTheyComeAndGo() {
        // given one id under three subjects
        apply(registered("c", 1, 1, avro("A")), registered("a", 1, 1, avro("A")), registered("b", 1, 1, avro("A")));

        // when carriers leave one by one, and one comes back
        apply(new Event.SchemaTombstoned("a", 1));
        var afterOne = model.versionsById(".", 1);
        apply(new Event.SchemaTombstoned("c", 1));
        var afterTwo = model.versionsById(".", 1);
        apply(registered("d", 1, 1, avro("A")));
        var withNew = model.versionsById(".", 1);
        apply(new Event.SchemaTombstoned("b", 1), new Event.SchemaTombstoned("d", 1));

        // then
        assertThat(afterOne).extracting(SchemaVersion::subject).containsExactly("c", "b");
        assertThat(afterTwo).extracting(SchemaVersion::subject).containsExactly("b");
        assertThat(withNew).extracting(SchemaVersion::subject).containsExactly("b", "d");
        assertThat(model.versionsById(".", 1)).isEmpty();
        assertThat(model.idByFingerprint(".", fingerprint(avro("A")))).isEmpty();
    }

    @Test
    void shouldKeepIdButDropReferencedByWhenVersionSoftDeleted() {
        // given
        apply(registered("common", 1, 1, avro("C")), registered("app", 1, 2, avro("A"), ref("c", "common", 1)));
        assertThat(model.referencedBy("common", 1)).containsExactly(2);

        // when
        apply(softDeleted("app", 1, 2, avro("A"), ref("c", "common", 1)));

        // then
        assertThat(model.referencedBy("common", 1)).isEmpty();
        assertThat(model.versionsById(".", 2))
                .singleElement()
                .extracting(SchemaVersion::deleted)
                .isEqualTo(true);
        assertThat(model.idByFingerprint(
                        ".", SchemaFingerprint.of(model.version("app", 1).orElseThrow())))
                .isEqualTo(OptionalInt.of(2));
    }

    @Test
    void shouldForgetVersionAndIdOnTombstoneButKeepMaxId() {
        // given
        apply(registered("s", 1, 5, avro("A")), registered("s", 2, 6, avro("B")));

        // when
        apply(new Event.SchemaTombstoned("s", 2));

        // then
        assertThat(model.versions("s")).extracting(SchemaVersion::version).containsExactly(1);
        assertThat(model.versionsById(".", 6)).isEmpty();
        assertThat(model.idByFingerprint(".", fingerprint(avro("B")))).isEmpty();
        assertThat(model.maxId(".")).isEqualTo(6);
    }

    @Test
    void shouldLeaveNoSubjectAfterRawTombstoneOfLiveVersion() {
        // given a manually produced SCHEMA record followed by a raw tombstone (spec §12.48)
        apply(registered("odd", 1, 1, avro("A")), registered("common", 1, 2, avro("C")));
        apply(registered("odd", 2, 3, avro("B"), ref("c", "common", 1)));

        // when
        apply(new Event.SchemaTombstoned("odd", 1), new Event.SchemaTombstoned("odd", 2));

        // then
        assertThat(model.subjects()).containsExactly("common");
        assertThat(model.referencedBy("common", 1)).isEmpty();
        assertThat(apply(registered("odd", 1, 4, avro("A")))).isTrue();
    }

    @Test
    void shouldSoftDeleteLiveVersionsUpToTheVersionOfDeleteSubject() {
        // given
        apply(registered("common", 1, 1, avro("C")));
        apply(registered("s", 1, 2, avro("A"), ref("c", "common", 1)), registered("s", 2, 3, avro("B")));
        apply(registered("s", 3, 4, avro("D"), ref("c", "common", 1)));

        // when
        apply(new Event.SubjectDeleted("s", 2));

        // then
        assertThat(model.versions("s")).extracting(SchemaVersion::deleted).containsExactly(true, true, false);
        assertThat(model.referencedBy("common", 1)).containsExactly(4);
        assertThat(model.versionsById(".", 2))
                .singleElement()
                .extracting(SchemaVersion::deleted)
                .isEqualTo(true);
    }

    @Test
    void shouldReplayTheCompactedLogOfSpecSection54InOffsetOrder() {
        // given the full log: register v1, soft-delete the subject, hard-delete v1, register v1 again
        Event deleteSubject = new Event.SubjectDeleted("s", 1);
        Event again = registered("s", 1, 2, avro("B"));
        RegistryModel full = new RegistryModel();
        full.apply(registered("s", 1, 1, avro("A")), 1);
        full.apply(deleteSubject, 2);
        full.apply(new Event.SchemaTombstoned("s", 1), 3);
        full.apply(again, 4);

        // when only offsets 2 and 4 survive compaction
        RegistryModel compacted = new RegistryModel();
        compacted.apply(deleteSubject, 2);
        compacted.apply(again, 4);

        // then both folds hold a live v1
        for (RegistryModel replayed : new RegistryModel[] {full, compacted}) {
            assertThat(replayed.versions("s")).containsExactly(schema("s", 1, 2, avro("B")));
            assertThat(replayed.appliedOffset()).isEqualTo(4);
        }
        assertThat(full.versionsById(".", 1)).isEmpty();
    }

    @Test
    void shouldResolveIdWhenOnlySoftDeletedRecordSurvives() {
        // when (spec §12.54)
        apply(softDeleted("s", 1, 9, avro("A")));

        // then
        assertThat(model.versionsById(".", 9))
                .singleElement()
                .extracting(SchemaVersion::deleted)
                .isEqualTo(true);
        assertThat(model.maxId(".")).isEqualTo(9);
        assertThat(model.subjects()).containsExactly("s");
    }

    @Test
    void shouldSkipSchemaWhoseIdIsBoundToOtherContent() {
        // given
        apply(registered("s", 1, 1, avro("A")));

        // when
        boolean applied = model.apply(registered("t", 1, 1, avro("Other")), 10);

        // then
        assertThat(applied).isFalse();
        assertThat(model.skippedCount()).isEqualTo(1);
        assertThat(model.appliedOffset()).isEqualTo(10);
        assertThat(model.subjects()).containsExactly("s");
        assertThat(model.versionsById(".", 1)).extracting(SchemaVersion::schema).containsExactly(avro("A"));
    }

    @Test
    void shouldRebindIdWhenSameKeyIsRewrittenWithAnotherId() {
        // given
        apply(registered("s", 1, 1, avro("A")));

        // when
        apply(registered("s", 1, 2, avro("A")));

        // then
        assertThat(model.versionsById(".", 1)).isEmpty();
        assertThat(model.versionsById(".", 2))
                .extracting(SchemaVersion::subject)
                .containsExactly("s");
        assertThat(model.idByFingerprint(".", fingerprint(avro("A")))).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void shouldClearSoftDeletedVersionsOfOneSubject() {
        // given
        apply(registered("s", 1, 1, avro("A")), registered("s", 2, 2, avro("B")), registered("t", 1, 3, avro("C")));
        apply(new Event.SubjectDeleted("s", 1), new Event.SubjectDeleted("t", 1));

        // when
        apply(new Event.SubjectCleared("s"));

        // then
        assertThat(model.versions("s")).extracting(SchemaVersion::version).containsExactly(2);
        assertThat(model.versionsById(".", 1)).isEmpty();
        assertThat(model.versions("t")).hasSize(1);
    }

    @Test
    void shouldClearSoftDeletedVersionsOfEverySubjectOfABareContext() {
        // given
        apply(registered(":.ctx:a", 1, 1, avro("A")), registered(":.ctx:b", 1, 2, avro("B")));
        apply(registered(":.other:a", 1, 1, avro("A")), registered("a", 1, 1, avro("A")));
        for (String subject : new String[] {":.ctx:a", ":.ctx:b", ":.other:a", "a"}) {
            apply(new Event.SubjectDeleted(subject, 1));
        }

        // when
        apply(new Event.SubjectCleared(":.ctx:"), new Event.SubjectCleared(":.:"));

        // then
        assertThat(model.subjects()).containsExactly(":.other:a");
        assertThat(model.versionsById(".ctx", 1)).isEmpty();
        assertThat(model.versionsById(".other", 1)).hasSize(1);
    }

    @Test
    void shouldKeepIdsAndMaxIdPerContext() {
        // when
        apply(registered("s", 1, 1, avro("A")), registered(":.ctx:s", 1, 1, avro("B")));
        apply(registered(":.ctx:t", 1, 2, avro("C")), new Event.ContextAdded("default", ".empty"));

        // then
        assertThat(model.contexts()).containsExactly(".", ".ctx", ".empty");
        assertThat(model.maxId(".")).isEqualTo(1);
        assertThat(model.maxId(".ctx")).isEqualTo(2);
        assertThat(model.maxId(".empty")).isZero();
        assertThat(model.versionsById(".ctx", 1))
                .extracting(SchemaVersion::schema)
                .containsExactly(avro("B"));
        assertThat(model.idByFingerprint(".", fingerprint(avro("B")))).isEmpty();
        assertThat(model.idByFingerprint(".ctx", fingerprint(avro("B")))).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void shouldQualifyReferenceSubjectsWithTheReferrersContext() {
        // given
        apply(registered(":.ctx:common", 1, 1, avro("C")), registered("common", 1, 1, avro("C")));

        // when
        apply(registered(":.ctx:app", 1, 2, avro("A"), ref("c", "common", 1)));
        apply(registered("app", 1, 3, avro("X"), ref("c", ":.ctx:common", 1)));

        // then
        assertThat(model.referencedBy(":.ctx:common", 1)).containsExactly(2, 3);
        assertThat(model.referencedBy("common", 1)).isEmpty();
    }

    @Test
    void shouldKeepReferrerIdWhileAnotherLiveVersionWithThatIdRemains() {
        // given the same referring schema under two subjects
        apply(registered("common", 1, 1, avro("C")));
        apply(registered("a", 1, 2, avro("A"), ref("c", "common", 1)));
        apply(registered("b", 1, 2, avro("A"), ref("c", "common", 1)));

        // when
        apply(new Event.SubjectDeleted("a", 1));

        // then
        assertThat(model.referencedBy("common", 1)).containsExactly(2);
        assertThat(model.referencedBy(":.:common", 1)).containsExactly(2);
    }

    @Test
    void shouldSetAndClearConfigAndModeAtEveryLevel() {
        // when
        ConfigValue full = ConfigValue.of(CompatibilityLevel.FULL);
        apply(new Event.ConfigSet(null, full), new Event.ConfigSet("s", ConfigValue.of(CompatibilityLevel.NONE)));
        apply(new Event.ConfigSet(":.ctx:", full), new Event.ModeSet(null, Mode.IMPORT));
        apply(new Event.ModeSet("s", Mode.READONLY), new Event.ConfigCleared("s"), new Event.ModeCleared(null));

        // then
        assertThat(model.config(null)).contains(full);
        assertThat(model.config(":.ctx:")).contains(full);
        assertThat(model.config("s")).isEmpty();
        assertThat(model.mode(null)).isEmpty();
        assertThat(model.mode("s")).contains(Mode.READONLY);
    }

    @Test
    void shouldAdvanceAppliedOffsetPastUndecodableRecords() {
        // when
        model.apply(new Event.Noop(), 3);
        model.skip(4);

        // then
        assertThat(model.appliedOffset()).isEqualTo(4);
        assertThat(model.skippedCount()).isEqualTo(1);
    }

    @Test
    void shouldApplyEveryEventType() {
        // given
        Map<Class<?>, Event> samples = Fixtures.oneOfEach();

        // when / then
        assertThat(samples.keySet()).containsExactlyInAnyOrder(Event.class.getPermittedSubclasses());
        Arrays.stream(Event.class.getPermittedSubclasses()).forEach(type -> assertThat(apply(samples.get(type)))
                .as(type.getSimpleName())
                .isTrue());
        assertThat(model.skippedCount()).isZero();
    }

    @Test
    void shouldNeverThrowOnMalformedEvents() {
        // when
        boolean applied = model.apply(new Event.SchemaUpserted(schema(null, 1, 1, null)), 0);

        // then
        assertThat(applied).isFalse();
        assertThat(model.appliedOffset()).isZero();
    }

    @Test
    void shouldFoldOneHundredThousandSchemasInSeconds() {
        // given
        long start = System.nanoTime();

        // when
        for (int i = 1; i <= 100_000; i++) {
            model.apply(registered("subject-" + (i % 5_000), i / 5_000 + 1, i, avro("R" + i)), i);
        }

        // then
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("fold time in ms").isLessThan(20_000);
        assertThat(model.maxId(".")).isEqualTo(100_000);
        assertThat(model.subjects()).hasSize(5_000);
    }
}
