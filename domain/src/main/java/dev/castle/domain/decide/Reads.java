package dev.castle.domain.decide;

import dev.castle.domain.Command;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistrySettings;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaTags;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.VersionSpec;
import dev.castle.domain.format.SchemaFormats;
import java.util.List;
import java.util.Optional;

/** The read-side rules that need schema parsing: lookup, compatibility checks, the register fast path, rendering. */
public final class Reads {
    private final Scopes scopes;
    private final SchemaResolver resolver;
    private final SchemaLookup lookups;
    private final Compatibility compatibility;

    public Reads(RegistrySettings settings) {
        this.scopes = new Scopes(settings);
        this.resolver = new SchemaResolver(SchemaFormats.standard(), settings.avroValidateDefaults());
        this.lookups = new SchemaLookup(scopes, resolver);
        this.compatibility = new Compatibility(scopes, resolver);
    }

    /** The compatibility verdict, with Confluent's messages when verbose. */
    public record CompatibilityResult(boolean compatible, List<String> messages) {}

    /**
     * {@code POST /subjects/{s}}: the version of the subject holding this schema (live only unless
     * {@code includeDeleted}). Throws 40401 when the subject has no such versions, 40403 when none matches, 42201 for
     * an invalid schema. An unqualified subject that misses is retried in every other context (spec §8.4).
     */
    public SchemaVersion lookup(
            RegistryView view, String subject, SchemaRequest request, boolean normalize, boolean includeDeleted) {
        String qualified = Subjects.qualified(subject);
        Optional<SchemaVersion> found = lookups.find(view, qualified, request, normalize, includeDeleted);
        if (found.isPresent()) {
            return found.get();
        }
        for (String inContext : QualifiedSubject.parse(qualified).fallbacks(view.contexts())) {
            found = !view.versions(inContext).isEmpty()
                    ? lookups.find(view, inContext, request, normalize, includeDeleted)
                    : Optional.empty();
            if (found.isPresent()) {
                return found.get();
            }
        }
        boolean known = view.versions(qualified).stream().anyMatch(v -> includeDeleted || !v.deleted());
        throw known
                ? new RegistryException(ErrorCode.SCHEMA_NOT_FOUND)
                : new RegistryException(ErrorCode.SUBJECT_NOT_FOUND, qualified);
    }

    /**
     * {@code POST /compatibility/subjects/{s}/versions[/{v}]}: {@code version} null compares against the subject's
     * level and live versions, {@link VersionSpec#LATEST} or a number against that one version.
     */
    public CompatibilityResult checkCompatibility(
            RegistryView view,
            String subject,
            Integer version,
            SchemaRequest request,
            boolean normalize,
            boolean verbose) {
        String qualified = Subjects.qualified(subject);
        List<SchemaVersion> previous = previous(view, qualified, version);
        SchemaResolver.Resolved resolved;
        try {
            boolean normalized = normalize || scopes.normalize(view, qualified);
            resolved = resolver.parseRequest(view, qualified, request, true, normalized);
        } catch (RegistryException e) {
            if (verbose && e.errorCode() == ErrorCode.INVALID_SCHEMA) {
                return new CompatibilityResult(false, List.of(e.getMessage()));
            }
            throw e;
        }
        List<String> messages =
                compatibility.messages(view, qualified, resolved.schema(), request.metadata(), previous);
        return new CompatibilityResult(messages.isEmpty(), verbose ? messages : List.of());
    }

    private static List<SchemaVersion> previous(RegistryView view, String subject, Integer version) {
        if (version == null) {
            return Subjects.live(view, subject);
        }
        Optional<SchemaVersion> target = version == VersionSpec.LATEST
                ? Subjects.latestLive(view, subject)
                : view.version(subject, version).filter(v -> !v.deleted());
        if (target.isEmpty() && version != VersionSpec.LATEST) {
            throw new RegistryException(ErrorCode.VERSION_NOT_FOUND, version);
        }
        return target.map(List::of).orElse(List.of());
    }

    /**
     * The register fast path (spec §4.1 step 2): the response to send without the leader when this schema is already
     * a live version of the subject and the request's id/version agree, else empty.
     */
    public Optional<Object> registeredAlready(RegistryView view, Command.RegisterSchema command) {
        return lookups.registeredAlready(view, command);
    }

    /** The schema text for a {@code format=} query parameter (spec §8.3); unknown or null formats give the stored text. */
    public String render(RegistryView view, SchemaVersion schema, String format) {
        if (format == null || format.isBlank()) {
            return schema.schema();
        }
        try {
            return resolver.parseStored(view, schema).render(format);
        } catch (RuntimeException e) {
            return schema.schema();
        }
    }

    /**
     * {@code findTags} on a read (Confluent 7.6+): the entities of the schema's text tagged with one of {@code wanted}
     * ({@link SchemaTags#ANY} for all), empty when none is. Throws 42201 when the stored schema does not parse.
     */
    public List<SchemaTags> findTags(RegistryView view, SchemaVersion schema, List<String> wanted) {
        if (wanted.isEmpty()) {
            return List.of();
        }
        try {
            return SchemaTags.matching(resolver.parseStored(view, schema).taggedEntities(), wanted);
        } catch (RegistryException e) {
            throw e;
        } catch (RuntimeException e) {
            throw RegistryException.withMessage(
                    ErrorCode.INVALID_SCHEMA,
                    "Invalid schema of type " + schema.schemaType() + ", details: " + e.getMessage());
        }
    }
}
