package dev.castle.domain.decide;

import dev.castle.domain.Command;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaFingerprint;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.VersionSpec;
import dev.castle.domain.json.ResponseBodies;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds the version of a subject that holds a schema (spec §4.3): by content fingerprint, else by Confluent's
 * {@code canLookup} newest to oldest. Both the lookup endpoint and the register fast path (on any node, and again on
 * the leader, as Confluent does) use it.
 */
final class SchemaLookup {
    private final Scopes scopes;
    private final SchemaResolver resolver;
    private final SchemaMatcher matcher;

    SchemaLookup(Scopes scopes, SchemaResolver resolver) {
        this.scopes = scopes;
        this.resolver = resolver;
        this.matcher = new SchemaMatcher(resolver);
    }

    /**
     * The newest matching version of exactly this subject (live only unless {@code includeDeleted}); when none matches,
     * a second try with the metadata and rule set a registration would store (spec §4.3).
     */
    Optional<SchemaVersion> find(
            RegistryView view, String subject, SchemaRequest request, boolean normalize, boolean includeDeleted) {
        Optional<SchemaVersion> found = findAsSent(view, subject, request, normalize, includeDeleted);
        Optional<SchemaVersion> latest = Subjects.latestLive(view, subject);
        if (found.isPresent() || latest.isEmpty() || !request.hasSchema()) {
            return found;
        }
        DataContracts.Contract contract = DataContracts.merged(
                scopes.configRecord(view, subject),
                new DataContracts.Contract(request.metadata(), request.ruleSet()),
                latest.get());
        if (Objects.equals(contract.metadata(), request.metadata())
                && Objects.equals(contract.ruleSet(), request.ruleSet())) {
            return found;
        }
        SchemaRequest merged = new SchemaRequest(
                request.schema(),
                request.schemaType(),
                request.references(),
                request.id(),
                request.version(),
                contract.metadata(),
                contract.ruleSet());
        return findAsSent(view, subject, merged, normalize, includeDeleted);
    }

    private Optional<SchemaVersion> findAsSent(
            RegistryView view, String subject, SchemaRequest request, boolean normalize, boolean includeDeleted) {
        if (!request.hasSchema()) {
            return Optional.empty();
        }
        boolean normalized = normalize || scopes.normalize(view, subject);
        SchemaResolver.Resolved resolved = resolver.parseRequest(view, subject, request, false, normalized);
        SchemaVersion candidate = candidate(subject, request, resolved);
        List<SchemaVersion> versions = view.versions(subject).stream()
                .filter(v -> includeDeleted || !v.deleted())
                .toList();
        String context = QualifiedSubject.parse(subject).context();
        OptionalInt id = view.idByFingerprint(context, SchemaFingerprint.of(candidate));
        if (id.isPresent()) {
            Optional<SchemaVersion> hit =
                    versions.stream().filter(v -> v.id() == id.getAsInt()).reduce((first, second) -> second);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return matcher.newestMatch(view, versions, candidate, resolved.schema(), -1);
    }

    /**
     * The register fast path (spec §4.1 step 2): the response to send without the leader when this schema is already
     * a live version of the subject and the request's id/version agree, else empty.
     */
    Optional<Object> registeredAlready(RegistryView view, Command.RegisterSchema command) {
        SchemaRequest request = command.request();
        String subject = Subjects.qualified(command.subject());
        if (!request.hasSchema() || request.tags().any() || hasDefaultsOrOverrides(view, subject)) {
            return Optional.empty();
        }
        boolean latestOnly = request.version() != null && request.version() == VersionSpec.LATEST;
        Optional<SchemaVersion> existing = latestOnly
                ? latestMatch(view, subject, request, command.normalize())
                : findAsSent(view, subject, request, command.normalize(), false);
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        SchemaVersion found = existing.get();
        if (request.version() == null || request.version() == 0 || latestOnly) {
            boolean sameId = request.id() == null || request.id() < 0 || request.id() == found.id();
            return sameId ? Optional.of(ResponseBodies.RegisterResponse.of(found)) : Optional.empty();
        }
        if (request.id() == null || request.id() != found.id()) {
            return Optional.empty();
        }
        if (request.version() == found.version()) {
            return Optional.of(ResponseBodies.SchemaEntity.of(found));
        }
        return view.version(subject, request.version())
                .filter(older -> !older.deleted() && older.id() == found.id() && Registration.sameContent(older, found))
                .map(ResponseBodies.SchemaEntity::of);
    }

    private Optional<SchemaVersion> latestMatch(
            RegistryView view, String subject, SchemaRequest request, boolean normalize) {
        Optional<SchemaVersion> latest = Subjects.latestLive(view, subject);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        boolean normalized = normalize || scopes.normalize(view, subject);
        SchemaResolver.Resolved resolved = resolver.parseRequest(view, subject, request, false, normalized);
        return matcher.matches(view, candidate(subject, request, resolved), resolved.schema(), latest.get())
                ? latest
                : Optional.empty();
    }

    private boolean hasDefaultsOrOverrides(RegistryView view, String subject) {
        return DataContracts.hasDefaultsOrOverrides(scopes.configRecord(view, subject));
    }

    private static SchemaVersion candidate(String subject, SchemaRequest request, SchemaResolver.Resolved resolved) {
        return new SchemaVersion(
                subject,
                0,
                -1,
                request.schemaType(),
                resolved.schema().canonical(),
                resolved.references(),
                request.metadata(),
                request.ruleSet(),
                false);
    }
}
