package dev.castle.query;

import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaVersion;
import io.javalin.http.Context;
import java.util.List;

/**
 * Confluent 8.x's {@code referenceFormat=qualified} on the schema reads: a schema of a named context answers its
 * references with their subjects qualified by that context ({@code :.ctx:ref} for a stored {@code ref}), so a client
 * can follow them without knowing where the schema lives. Anything else answers references as stored.
 */
final class ReferenceFormat {
    private ReferenceFormat() {}

    /** The version as the request asks its references written; the same instance when nothing changes. */
    static SchemaVersion apply(Context ctx, SchemaVersion version) {
        if (!"qualified".equals(ctx.queryParam("referenceFormat"))
                || version.references().isEmpty()
                || QualifiedSubject.DEFAULT_CONTEXT.equals(version.context())) {
            return version;
        }
        List<SchemaReference> qualified = version.references().stream()
                .map(reference -> new SchemaReference(
                        reference.name(),
                        QualifiedSubject.inContext(reference.subject(), version.context()),
                        reference.version()))
                .toList();
        return new SchemaVersion(
                version.subject(),
                version.version(),
                version.id(),
                version.schemaType(),
                version.schema(),
                qualified,
                version.metadata(),
                version.ruleSet(),
                version.deleted());
    }
}
