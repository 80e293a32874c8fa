package dev.castle.domain.decide;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaVersion;
import java.util.List;
import java.util.Optional;

/** Subject names as Confluent normalizes and validates them (spec §1.4, §8.4), and version lookups. */
final class Subjects {
    private static final String GLOBAL_NAME = "__GLOBAL";
    private static final String EMPTY_NAME = "__EMPTY";
    private static final String GLOBAL_CONTEXT = ".__GLOBAL";

    private Subjects() {}

    /** The stored form of a subject: {@code :.:s} becomes {@code s}. */
    static String qualified(String subject) {
        return QualifiedSubject.parse(subject).qualified();
    }

    /**
     * The config or mode level a path addresses: null for global (no subject, or the default context {@code :.:}),
     * else the subject or context in stored form.
     */
    static String level(String subject) {
        if (subject == null) {
            return null;
        }
        QualifiedSubject qualified = QualifiedSubject.parse(subject);
        if (qualified.isDefaultContext() && qualified.isContextLevel() && subject.startsWith(":.")) {
            return null;
        }
        return qualified.qualified();
    }

    /** Throws 42208 unless the subject is valid; config and mode may also address the {@code :.__GLOBAL:} context. */
    static void validate(String subject, boolean configOrMode) {
        if (!valid(subject, configOrMode)) {
            throw new RegistryException(ErrorCode.INVALID_SUBJECT, subject);
        }
    }

    private static boolean valid(String subject, boolean configOrMode) {
        if (subject == null || subject.chars().anyMatch(Character::isISOControl)) {
            return false;
        }
        QualifiedSubject qualified = QualifiedSubject.parse(subject);
        if (GLOBAL_NAME.equals(qualified.name()) || EMPTY_NAME.equals(qualified.name())) {
            return false;
        }
        return configOrMode || !GLOBAL_CONTEXT.equals(qualified.context());
    }

    /** The context text Confluent prints in messages: {@code ""} for the default context, else {@code :.ctx:}. */
    static String contextText(String subject) {
        return QualifiedSubject.parse(subject).contextPrefix();
    }

    /** The subjects a level matches: all for global, those of the context for {@code :.ctx:}, else the subject. */
    static List<String> matching(RegistryView view, String level) {
        if (level == null) {
            return List.copyOf(view.subjects());
        }
        return QualifiedSubject.matching(level, view.subjects());
    }

    static List<SchemaVersion> live(RegistryView view, String subject) {
        return view.versions(subject).stream().filter(v -> !v.deleted()).toList();
    }

    static Optional<SchemaVersion> latestLive(RegistryView view, String subject) {
        List<SchemaVersion> live = live(view, subject);
        return live.isEmpty() ? Optional.empty() : Optional.of(live.get(live.size() - 1));
    }

    /** The next version number: one more than the highest, soft-deleted ones included. */
    static int nextVersion(RegistryView view, String subject) {
        List<SchemaVersion> all = view.versions(subject);
        return all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
    }
}
