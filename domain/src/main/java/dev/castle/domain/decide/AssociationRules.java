package dev.castle.domain.decide;

import dev.castle.domain.Association;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaVersion;

/**
 * What associations forbid elsewhere in the registry (Confluent 8.x): deleting a subject that has any (40904),
 * soft-deleting the last live version of one (40907), and referencing a subject a topic owns (STRONG, 42205).
 */
final class AssociationRules {
    private AssociationRules() {}

    /** A subject in read-only mode takes no association changes (42205). */
    static void checkWritable(Scopes scopes, RegistryView view, String subject) {
        if (scopes.readOnly(view, subject)) {
            QualifiedSubject qualified = QualifiedSubject.parse(subject);
            throw Registration.notPermitted(
                    "Subject " + qualified.name() + " in context " + qualified.context() + " is in read-only mode");
        }
    }

    /** A subject with associations cannot be deleted, softly or permanently. */
    static void checkSubjectDelete(RegistryView view, String subject) {
        if (!view.associationsBySubject(subject).isEmpty()) {
            throw new RegistryException(ErrorCode.ASSOCIATION_FOR_SUBJECT_EXISTS, subject);
        }
    }

    /** A soft delete may not take an associated subject's last live version; a permanent delete may. */
    static void checkVersionDelete(RegistryView view, SchemaVersion target, boolean permanent) {
        if (permanent || view.associationsBySubject(target.subject()).isEmpty()) {
            return;
        }
        boolean anotherLive =
                Subjects.live(view, target.subject()).stream().anyMatch(v -> v.version() != target.version());
        if (!anotherLive) {
            throw new RegistryException(ErrorCode.NO_ACTIVE_SUBJECT_VERSION, target.subject());
        }
    }

    /** No schema may reference a subject that has a STRONG association (its topic owns it). */
    static void checkReferences(RegistryView view, SchemaVersion candidate) {
        String context = QualifiedSubject.parse(candidate.subject()).context();
        for (SchemaReference reference : candidate.references()) {
            String target = Subjects.qualified(QualifiedSubject.inContext(reference.subject(), context));
            boolean strong = view.associationsBySubject(target).stream()
                    .anyMatch(a -> a.lifecycle() == Association.Lifecycle.STRONG);
            if (strong) {
                throw Registration.notPermitted(
                        "Subject '" + reference.subject() + "' has a strong association and cannot be referenced");
            }
        }
    }

    /** Whether a live schema references any version of the subject. */
    static boolean referenced(RegistryView view, String subject) {
        for (SchemaVersion version : view.versions(subject)) {
            if (!view.referencedBy(subject, version.version()).isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
