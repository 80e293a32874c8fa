package dev.castle.domain.state;

import static dev.castle.domain.state.Fixtures.avro;
import static dev.castle.domain.state.Fixtures.ref;
import static dev.castle.domain.state.Fixtures.registered;
import static dev.castle.domain.state.Fixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaFingerprint;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OverlayTest {
    private static final String[] SUBJECTS = {"a", "b", ":.c1:x", ":.c1:y", ":.c2:a"};
    private static final String[] CONTEXTS = {".", ".c1", ".c2"};
    private static final int MAX_ID = 5;
    private static final int MAX_VERSION = 3;

    private final RegistryModel base = new RegistryModel();

    @Test
    void shouldSeeEarlierEventsOfTheBatchWithoutTouchingTheBase() {
        // given
        base.apply(registered("s", 1, 1, avro("A")), 0);
        Overlay overlay = new Overlay(base);

        // when
        overlay.apply(registered("s", 2, 2, avro("B")));
        overlay.apply(new Event.SubjectDeleted("s", 1));
        overlay.apply(new Event.ModeSet(null, Mode.READONLY));

        // then
        assertThat(overlay.versions("s")).extracting(SchemaVersion::deleted).containsExactly(true, false);
        assertThat(overlay.maxId(".")).isEqualTo(2);
        assertThat(overlay.mode(null)).contains(Mode.READONLY);
        assertThat(base.versions("s")).containsExactly(schema("s", 1, 1, avro("A")));
        assertThat(base.maxId(".")).isEqualTo(1);
        assertThat(base.mode(null)).isEmpty();
    }

    @Test
    void shouldHideBaseFingerprintWhenOverlayRemovedItsLastVersion() {
        // given
        base.apply(registered("s", 1, 1, avro("A")), 0);
        Overlay overlay = new Overlay(base);

        // when
        overlay.apply(new Event.SchemaTombstoned("s", 1));

        // then
        String fingerprint = SchemaFingerprint.of(schema("s", 1, 1, avro("A")));
        assertThat(overlay.idByFingerprint(".", fingerprint)).isEmpty();
        assertThat(overlay.subjects()).isEmpty();
        assertThat(base.idByFingerprint(".", fingerprint)).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void shouldDropReferrerCopiedFromBaseWhenSoftDeletedInOverlay() {
        // given
        base.apply(registered("common", 1, 1, avro("C")), 0);
        base.apply(registered("app", 1, 2, avro("A"), ref("c", "common", 1)), 1);
        Overlay overlay = new Overlay(base);

        // when
        overlay.apply(new Event.SubjectDeleted("app", 1));

        // then
        assertThat(overlay.referencedBy("common", 1)).isEmpty();
        assertThat(base.referencedBy("common", 1)).containsExactly(2);
    }

    @Test
    void shouldSkipConflictingSchemaAsTheFoldDoes() {
        // given
        base.apply(registered("s", 1, 1, avro("A")), 0);
        Overlay overlay = new Overlay(base);

        // when
        boolean applied = overlay.apply(registered("t", 1, 1, avro("Other")));

        // then
        assertThat(applied).isFalse();
        assertThat(overlay.subjects()).containsExactly("s");
    }

    @Test
    void shouldApplyEveryEventType() {
        // given
        Map<Class<?>, Event> samples = Fixtures.oneOfEach();
        Overlay overlay = new Overlay(base);

        // when / then
        assertThat(samples.keySet()).containsExactlyInAnyOrder(Event.class.getPermittedSubclasses());
        Arrays.stream(Event.class.getPermittedSubclasses()).forEach(type -> assertThat(overlay.apply(samples.get(type)))
                .as(type.getSimpleName())
                .isTrue());
    }

    static IntStream seeds() {
        return IntStream.rangeClosed(1, Integer.getInteger("overlay.seeds", 50));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void shouldAnswerLikeAModelThatFoldedTheWholeSequence(int seed) {
        // given a random log split into what the base folded and what the overlay holds
        Random random = new Random(seed);
        List<Event> log = randomLog(random, 120);
        int split = random.nextInt(log.size());
        RegistryModel whole = new RegistryModel();
        for (int i = 0; i < log.size(); i++) {
            whole.apply(log.get(i), i);
            if (i < split) {
                base.apply(log.get(i), i);
            }
        }
        Overlay overlay = new Overlay(base);

        // when
        log.subList(split, log.size()).forEach(overlay::apply);

        // then
        assertSameAnswers(overlay, whole, log);
    }

    private static void assertSameAnswers(RegistryView actual, RegistryView expected, List<Event> log) {
        assertThat(actual.subjects()).isEqualTo(expected.subjects());
        assertThat(actual.contexts()).containsExactlyElementsOf(expected.contexts());
        for (String subject : SUBJECTS) {
            assertThat(actual.versions(subject)).as(subject).isEqualTo(expected.versions(subject));
            for (int version = 1; version <= MAX_VERSION; version++) {
                assertThat(actual.referencedBy(subject, version))
                        .as("referencedBy %s %s", subject, version)
                        .isEqualTo(expected.referencedBy(subject, version));
            }
            assertThat(actual.config(subject)).isEqualTo(expected.config(subject));
            assertThat(actual.mode(subject)).isEqualTo(expected.mode(subject));
        }
        assertThat(actual.config(null)).isEqualTo(expected.config(null));
        assertThat(actual.mode(null)).isEqualTo(expected.mode(null));
        for (String context : CONTEXTS) {
            assertThat(actual.maxId(context)).isEqualTo(expected.maxId(context));
            for (int id = 1; id <= MAX_ID; id++) {
                assertThat(actual.versionsById(context, id))
                        .as("versionsById %s %s", context, id)
                        .isEqualTo(expected.versionsById(context, id));
            }
            for (Event event : log) {
                if (event instanceof Event.SchemaUpserted upserted) {
                    String fingerprint = SchemaFingerprint.of(upserted.schema());
                    assertThat(actual.idByFingerprint(context, fingerprint))
                            .as("idByFingerprint %s %s", context, upserted)
                            .isEqualTo(expected.idByFingerprint(context, fingerprint));
                }
            }
        }
    }

    private static List<Event> randomLog(Random random, int size) {
        List<Event> log = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            log.add(randomEvent(random));
        }
        return log;
    }

    private static Event randomEvent(Random random) {
        String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        int version = 1 + random.nextInt(MAX_VERSION);
        int kind = random.nextInt(20);
        if (kind < 9) {
            return new Event.SchemaUpserted(randomSchema(random, subject, version));
        } else if (kind < 12) {
            return new Event.SchemaTombstoned(subject, version);
        } else if (kind < 14) {
            return new Event.SubjectDeleted(subject, version);
        } else if (kind < 15) {
            return new Event.SubjectCleared(subject);
        } else if (kind < 16) {
            return new Event.SubjectCleared(random.nextBoolean() ? ":.c1:" : ":.:");
        } else if (kind < 17) {
            String key = random.nextBoolean() ? null : subject;
            return random.nextBoolean()
                    ? new Event.ConfigSet(key, ConfigValue.of(CompatibilityLevel.FULL))
                    : new Event.ConfigCleared(key);
        } else if (kind < 18) {
            String key = random.nextBoolean() ? null : subject;
            return random.nextBoolean() ? new Event.ModeSet(key, Mode.IMPORT) : new Event.ModeCleared(key);
        } else if (kind < 19) {
            return new Event.ContextAdded("default", ".c" + random.nextInt(4));
        }
        return new Event.Noop();
    }

    /** Content is a function of the id most of the time, so that conflicts are the exception they are in a real log. */
    private static SchemaVersion randomSchema(Random random, String subject, int version) {
        int id = 1 + random.nextInt(MAX_ID);
        String text = random.nextInt(10) == 0 ? avro("Odd" + random.nextInt(3)) : avro("R" + id);
        List<SchemaReference> refs = new ArrayList<>();
        if (random.nextInt(3) == 0) {
            String target = random.nextBoolean() ? "a" : SUBJECTS[random.nextInt(SUBJECTS.length)];
            refs.add(ref("r", target, 1 + random.nextInt(MAX_VERSION)));
        }
        boolean deleted = random.nextInt(5) == 0;
        return schema(subject, version, id, text, refs.toArray(SchemaReference[]::new))
                .withDeleted(deleted);
    }
}
