package dev.castle.domain.state;

import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaVersion;
import java.util.ArrayList;
import java.util.List;

/** The small composite keys of the fold's indexes. */
final class Keys {
    private Keys() {}

    /** A subject-version as stored. */
    record SubjectVersion(String subject, int version) {
        static SubjectVersion of(SchemaVersion schema) {
            return new SubjectVersion(schema.subject(), schema.version());
        }

        /** The stored form of a subject: {@code :.:s} and {@code s} are the same subject. */
        static SubjectVersion normalized(String subject, int version) {
            return new SubjectVersion(QualifiedSubject.parse(subject).qualified(), version);
        }
    }

    /** An id within a context. */
    record ContextId(String context, int id) {}

    /** The first 8 bytes of a fingerprint of 32 hex digits. */
    static long high(String fingerprint) {
        return Long.parseUnsignedLong(fingerprint, 0, 16, 16);
    }

    /** The last 8 bytes of a fingerprint of 32 hex digits. */
    static long low(String fingerprint) {
        return Long.parseUnsignedLong(fingerprint, 16, 32, 16);
    }

    /** The subject-versions a schema's references point at, qualified with the schema's own context. */
    static List<SubjectVersion> referenceTargets(SchemaVersion schema) {
        List<SchemaReference> references = schema.references();
        if (references.isEmpty()) {
            return List.of();
        }
        String context = schema.context();
        List<SubjectVersion> targets = new ArrayList<>(references.size());
        for (SchemaReference reference : references) {
            String subject = QualifiedSubject.inContext(reference.subject(), context);
            targets.add(SubjectVersion.normalized(subject, reference.version()));
        }
        return targets;
    }
}
