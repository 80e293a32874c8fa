package dev.castle.domain.decide;

import dev.castle.domain.Command;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.ContractForm;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaFingerprint;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.json.ResponseBodies;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Registration (spec §4.1 steps 1 and 4–10): mode, empty schema, parsing, dedup, compatibility, version and id, and
 * the events that store the new subject-version.
 */
final class Registration {
    static final String CONTEXT_TENANT = "default";

    private final Scopes scopes;
    private final SchemaResolver resolver;
    private final SchemaMatcher matcher;
    private final SchemaLookup lookups;
    private final Compatibility compatibility;
    private final SchemaTagging tags;

    Registration(Scopes scopes, SchemaResolver resolver) {
        this.scopes = scopes;
        this.resolver = resolver;
        this.matcher = new SchemaMatcher(resolver);
        this.lookups = new SchemaLookup(scopes, resolver);
        this.compatibility = new Compatibility(scopes, resolver);
        this.tags = new SchemaTagging(resolver);
    }

    /** A registration request after mode checks and parsing, before dedup and allocation. */
    private record Draft(
            SchemaVersion candidate,
            ParsedSchema parsed,
            List<SchemaVersion> live,
            int requestedVersion,
            boolean importing,
            boolean populated) {}

    Decision register(Command.RegisterSchema command, RegistryView view) {
        RuleSets.validate(command.request().ruleSet());
        Subjects.validate(command.subject(), false);
        Optional<Object> known = lookups.registeredAlready(view, command);
        if (known.isPresent()) {
            return Decision.answer(known.get());
        }
        Draft draft = draft(command, view);
        AssociationRules.checkReferences(view, draft.candidate());
        String context = QualifiedSubject.parse(draft.candidate().subject()).context();
        int schemaId = draft.candidate().id();
        OptionalInt sameContent = view.idByFingerprint(context, SchemaFingerprint.of(draft.candidate()));
        if (sameContent.isPresent() && (schemaId < 0 || schemaId == sameContent.getAsInt())) {
            schemaId = sameContent.getAsInt();
        }
        Optional<SchemaVersion> existing = existing(view, draft, sameContent, schemaId);
        if (existing.isPresent()) {
            return Decision.answer(response(draft.populated(), existing.get()));
        }
        String subject = draft.candidate().subject();
        if (!draft.importing()) {
            compatibility.require(
                    view, subject, draft.parsed(), draft.candidate().metadata(), draft.live());
        }
        int version = version(view, subject, draft.requestedVersion(), draft.importing());
        SchemaVersion content = draft.candidate();
        if (confluentVersion(draft)) {
            // the stored content carries the version's number, so its id is that content's (or a new one)
            content = withMetadata(content, ContractForm.withConfluentVersion(content.metadata(), version));
            OptionalInt same = view.idByFingerprint(context, SchemaFingerprint.of(content));
            schemaId = same.isPresent() ? same.getAsInt() : -1;
        }
        int id = schemaId >= 0 ? checkedImportId(view, context, schemaId, content) : newId(view, context);
        SchemaVersion stored = withVersionAndId(content, version, id);
        return new Decision(events(view, stored), response(draft.populated(), stored));
    }

    private Draft draft(Command.RegisterSchema command, RegistryView view) {
        String subject = Subjects.qualified(command.subject());
        checkMode(view, subject, command.request());
        SchemaRequest request = tags.edited(view, subject, command.request());
        boolean importing = scopes.importing(view, subject);
        List<SchemaVersion> live = Subjects.live(view, subject);
        SchemaRequest effective = importing ? request : populate(request, live, scopes.configRecord(view, subject));
        if (!importing) {
            effective = tags.propagated(view, subject, effective, live);
        }
        int requestedId = request.id() == null ? -1 : request.id();
        boolean normalize = command.normalize() || scopes.normalize(view, subject);
        SchemaResolver.Resolved resolved =
                resolver.parseRequest(view, subject, effective, requestedId < 0 && !importing, normalize);
        SchemaVersion candidate = new SchemaVersion(
                subject,
                0,
                requestedId,
                effective.schemaType(),
                resolved.schema().canonical(),
                resolved.references(),
                effective.metadata(),
                effective.ruleSet(),
                false);
        int requestedVersion = request.version() == null ? 0 : request.version();
        boolean modified = effective != request || candidate.metadata() != null || candidate.ruleSet() != null;
        return new Draft(candidate, resolved.schema(), live, requestedVersion, importing, modified);
    }

    /** The live version already holding this schema (dedup by fingerprint, then canLookup), when no version is asked. */
    private Optional<SchemaVersion> existing(RegistryView view, Draft draft, OptionalInt known, int schemaId) {
        if (draft.requestedVersion() != 0) {
            return Optional.empty();
        }
        if (known.isPresent() && schemaId == known.getAsInt()) {
            Optional<SchemaVersion> already = liveWithId(draft.live(), schemaId);
            if (already.isPresent()) {
                return already;
            }
        }
        return matcher.newestMatch(view, draft.live(), draft.candidate(), draft.parsed(), schemaId);
    }

    /**
     * Whether the stored metadata carries the new version's number as {@code confluent:version}: when a version was
     * asked for, or the metadata already has one (Confluent's {@code maybeSetMetadataRuleSet}); never when importing.
     */
    private static boolean confluentVersion(Draft draft) {
        return !draft.importing()
                && (draft.requestedVersion() != 0
                        || ContractForm.confluentVersion(draft.candidate().metadata()) != null);
    }

    private static SchemaVersion withVersionAndId(SchemaVersion candidate, int version, int id) {
        return new SchemaVersion(
                candidate.subject(),
                version,
                id,
                candidate.schemaType(),
                candidate.schema(),
                candidate.references(),
                candidate.metadata(),
                candidate.ruleSet(),
                false);
    }

    private static SchemaVersion withMetadata(SchemaVersion candidate, String metadata) {
        return new SchemaVersion(
                candidate.subject(),
                candidate.version(),
                candidate.id(),
                candidate.schemaType(),
                candidate.schema(),
                candidate.references(),
                metadata,
                candidate.ruleSet(),
                candidate.deleted());
    }

    private void checkMode(RegistryView view, String subject, SchemaRequest request) {
        String context = Subjects.contextText(subject);
        if (scopes.readOnly(view, subject)) {
            throw notPermitted("Subject " + subject + " in context " + context + " is in read-only mode");
        }
        if (request.id() != null && request.id() >= 0) {
            if (!scopes.importing(view, subject)) {
                throw notPermitted("Subject " + subject + " is not in import or forward mode");
            }
        } else if (scopes.mode(view, subject) != Mode.READWRITE) {
            throw notPermitted("Subject " + subject + " in context " + context + " is not in read-write mode");
        }
    }

    /**
     * An empty schema reuses the latest live version's; the metadata and rule set are the request's (else the latest
     * version's) merged with the config's defaults and overrides (Confluent's {@code maybeSetMetadataRuleSet}).
     */
    private static SchemaRequest populate(
            SchemaRequest request, List<SchemaVersion> live, Optional<ConfigValue> config) {
        SchemaVersion latest = live.isEmpty() ? null : live.get(live.size() - 1);
        DataContracts.Contract contract =
                DataContracts.merged(config, new DataContracts.Contract(request.metadata(), request.ruleSet()), latest);
        boolean reuseSchema = !request.hasSchema() && latest != null;
        boolean sameContract = Objects.equals(contract.metadata(), request.metadata())
                && Objects.equals(contract.ruleSet(), request.ruleSet());
        if (!reuseSchema && sameContract) {
            return request;
        }
        return new SchemaRequest(
                reuseSchema ? latest.schema() : request.schema(),
                reuseSchema ? latest.schemaType() : request.schemaType(),
                reuseSchema ? latest.references() : request.references(),
                request.id(),
                request.version(),
                contract.metadata(),
                contract.ruleSet(),
                request.tags());
    }

    private static Optional<SchemaVersion> liveWithId(List<SchemaVersion> live, int id) {
        return live.stream().filter(v -> v.id() == id).reduce((first, second) -> second);
    }

    private static int version(RegistryView view, String subject, int requested, boolean importing) {
        int next = Subjects.nextVersion(view, subject);
        if (requested <= 0) {
            return next;
        }
        if (requested != next && !importing) {
            throw RegistryException.withMessage(
                    ErrorCode.INVALID_SCHEMA, "Version is not one more than previous version");
        }
        return requested;
    }

    /** An imported id may be reused only for the same content (type, text, references, metadata, rule set). */
    private static int checkedImportId(RegistryView view, String context, int id, SchemaVersion candidate) {
        List<SchemaVersion> holders = view.versionsById(context, id);
        if (!holders.isEmpty() && !sameContent(holders.get(0), candidate)) {
            throw notPermitted("Overwrite new schema with id " + id + " in context "
                    + QualifiedSubject.parse(candidate.subject()).contextPrefix() + " is not permitted.");
        }
        return id;
    }

    static boolean sameContent(SchemaVersion a, SchemaVersion b) {
        return a.schemaType() == b.schemaType()
                && a.schema().equals(b.schema())
                && a.references().equals(b.references())
                && Objects.equals(a.metadata(), b.metadata())
                && Objects.equals(a.ruleSet(), b.ruleSet());
    }

    private static int newId(RegistryView view, String context) {
        int id = view.maxId(context) + 1;
        while (!view.versionsById(context, id).isEmpty()) {
            id++;
        }
        return id;
    }

    private static List<Event> events(RegistryView view, SchemaVersion stored) {
        List<Event> events = new ArrayList<>();
        QualifiedSubject qualified = QualifiedSubject.parse(stored.subject());
        if (!qualified.isDefaultContext() && !view.contexts().contains(qualified.context())) {
            events.add(new Event.ContextAdded(CONTEXT_TENANT, qualified.context()));
        }
        for (SchemaVersion old : view.versions(stored.subject())) {
            if (old.deleted() && old.id() == stored.id() && old.version() < stored.version()) {
                events.add(new Event.SchemaTombstoned(old.subject(), old.version()));
            }
        }
        events.add(new Event.SchemaUpserted(stored));
        return events;
    }

    private static Object response(boolean populated, SchemaVersion version) {
        return populated ? ResponseBodies.SchemaEntity.of(version) : ResponseBodies.RegisterResponse.of(version);
    }

    static RegistryException notPermitted(String message) {
        return RegistryException.withMessage(ErrorCode.OPERATION_NOT_PERMITTED, message);
    }
}
