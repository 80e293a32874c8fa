package dev.castle.query;

import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaVersion;
import java.util.List;
import java.util.Optional;

/** Subject-level helpers shared by the read routes: prefix matching, visibility and the context retry of spec §8.4. */
final class Subjects {
    private Subjects() {}

    /**
     * Whether a stored subject matches a {@code subjectPrefix}: {@code :*:} matches every context (and a name prefix
     * after it applies to the name), {@code :.:} is the default context, anything else is a prefix of the stored name.
     */
    static boolean matchesPrefix(String subject, String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return true;
        }
        if (prefix.startsWith(QualifiedSubject.WILDCARD)) {
            String namePrefix = prefix.substring(QualifiedSubject.WILDCARD.length());
            return QualifiedSubject.parse(subject).name().startsWith(namePrefix);
        }
        if (prefix.startsWith(":.:")) {
            QualifiedSubject qualified = QualifiedSubject.parse(subject);
            return qualified.isDefaultContext() && subject.startsWith(prefix.substring(3));
        }
        return subject.startsWith(prefix);
    }

    /** The versions a listing shows: live ones, or every version when {@code includeDeleted}. */
    static List<SchemaVersion> visible(RegistryView view, String subject, boolean includeDeleted) {
        return view.versions(subject).stream()
                .filter(v -> includeDeleted || !v.deleted())
                .toList();
    }

    /**
     * The subject to read: the one given when it has visible versions, else (for an unqualified subject) the first
     * context holding that name with visible versions, else empty.
     */
    static Optional<String> resolve(RegistryView view, String subject, boolean includeDeleted) {
        if (view.latest(subject, includeDeleted).isPresent()) {
            return Optional.of(subject);
        }
        for (String candidate : QualifiedSubject.parse(subject).fallbacks(view.contexts())) {
            if (view.latest(candidate, includeDeleted).isPresent()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
