package dev.castle.domain.decide;

import dev.castle.domain.Association;
import dev.castle.domain.Association.Lifecycle;
import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.decide.AssociationRequests.Draft;
import dev.castle.domain.decide.AssociationRequests.Validated;
import dev.castle.domain.json.AssociationResponses;
import dev.castle.domain.json.ResponseBodies;
import dev.castle.domain.state.Overlay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Creating and updating associations (Confluent 8.x {@code POST /associations}, {@code PUT
 * /associations/resources/{id}}): the request's checks, then the registry's (existing associations of the resource and
 * of each subject, lifecycle and frozen rules, modes, references), then the schemas to register and the ASSOC records
 * to write, all in one decision. A schema given with an association is registered as {@code POST
 * /subjects/{s}/versions} would, on an overlay, so a failure anywhere writes nothing.
 */
final class Associations {
    private final Scopes scopes;
    private final Registration registration;
    private final SchemaLookup lookups;
    private final Supplier<String> guids;

    Associations(Scopes scopes, Registration registration, SchemaLookup lookups, Supplier<String> guids) {
        this.scopes = scopes;
        this.registration = registration;
        this.lookups = lookups;
        this.guids = guids;
    }

    Decision put(Command.PutAssociations command, RegistryView view) {
        boolean create = command.create();
        Validated request = AssociationRequests.validate(command.request(), create, command.dryRun());
        qualifySubjects(request, command.context(), view);
        Map<String, Draft> byType = new LinkedHashMap<>();
        for (Draft draft : request.drafts()) {
            if (byType.put(draft.type, draft) != null) {
                throw AssociationRequests.invalid(
                        "associationType",
                        "may only appear once per request, but '" + draft.type + "' appears more than once");
            }
        }
        Map<String, Association> existing = existing(view, request, create, command.dryRun(), byType.keySet());
        Set<String> unchanged = new HashSet<>();
        for (Draft draft : request.drafts()) {
            if (checkAgainstExisting(view, request, draft, existing.get(draft.type), create)) {
                unchanged.add(draft.type);
            }
        }
        checkUniformLifecycle(view, request);
        for (Draft draft : request.drafts()) {
            checkSubject(view, request, draft, existing.get(draft.type));
        }
        Overlay overlay = new Overlay(view);
        List<Event> events = new ArrayList<>();
        Map<String, Object> schemas = register(overlay, request, events);
        if (command.dryRun()) {
            return Decision.answer(resource(request, List.of(), Map.of()));
        }
        List<Association> written = new ArrayList<>();
        for (Draft draft : request.drafts()) {
            if (!unchanged.contains(draft.type)) {
                Association association = association(request, draft, existing.get(draft.type));
                events.add(new Event.AssociationUpserted(association));
                written.add(association);
            }
        }
        return new Decision(events, resource(request, written, schemas));
    }

    /** Qualifies each given subject with the request's context; a subject in read-only mode is 42205. */
    private void qualifySubjects(Validated request, String context, RegistryView view) {
        QualifiedSubject scope = QualifiedSubject.parse(context);
        for (Draft draft : request.drafts()) {
            if (draft.subject == null) {
                continue;
            }
            String qualified = QualifiedSubject.parse(QualifiedSubject.inContext(draft.subject, scope.context()))
                    .qualified();
            AssociationRules.checkWritable(scopes, view, qualified);
            draft.subject = qualified;
        }
    }

    /**
     * The resource's associations of the request's types, by type. A create checked before the resource has an id
     * (a dry run) looks the resource up by name instead, keeping the most recently written one of that name.
     */
    private static Map<String, Association> existing(
            RegistryView view, Validated request, boolean create, boolean dryRun, Set<String> types) {
        List<Association> found = AssociationQueries.byResourceId(
                view, request.resourceId(), request.resourceType(), List.copyOf(types), null);
        if (found.isEmpty() && create && dryRun && request.resourceId() == null) {
            found = AssociationQueries.mostRecentResource(AssociationQueries.byResourceName(
                    view, request.name(), request.namespace(), request.resourceType(), List.copyOf(types), null));
        }
        Map<String, Association> byType = new HashMap<>();
        found.forEach(association -> byType.put(association.associationType(), association));
        return byType;
    }

    /** The checks of one association against the stored one of its type; true when it asks for no change. */
    private boolean checkAgainstExisting(
            RegistryView view, Validated request, Draft draft, Association stored, boolean create) {
        if (stored == null && !create) {
            AssociationRequests.applyDefaults(draft, false);
        }
        String defaultSubject = request.defaultSubject(draft.type);
        if (draft.subject == null) {
            if (stored != null) {
                draft.subject = stored.subject();
            } else if (draft.lifecycle == Lifecycle.STRONG) {
                draft.subject = defaultSubject;
            } else {
                throw AssociationRequests.invalid("subject", "must be provided for WEAK associations");
            }
        }
        Lifecycle lifecycle = lifecycle(draft, stored);
        if (lifecycle == Lifecycle.WEAK) {
            if (draft.schema != null) {
                throw AssociationRequests.invalid("lifecycle", "cannot be WEAK when schema is provided");
            }
            if (draft.subject.equals(defaultSubject)) {
                throw AssociationRequests.invalid(
                        "subject", "WEAK associations cannot use subject '" + defaultSubject + "'");
            }
        }
        boolean frozen = stored != null ? stored.frozen() : Boolean.TRUE.equals(draft.frozen);
        boolean requestedFrozen = draft.frozen != null ? draft.frozen : frozen;
        if (requestedFrozen != (lifecycle == Lifecycle.STRONG)) {
            throw AssociationRequests.invalid(
                    "frozen",
                    String.format("association with lifecycle of %s cannot be frozen=%s", lifecycle, requestedFrozen));
        }
        if (frozen && !draft.subject.equals(defaultSubject)) {
            throw AssociationRequests.invalid(
                    "subject", "frozen associations must use subject '" + defaultSubject + "'");
        }
        if (stored == null) {
            checkNew(view, draft, lifecycle, create);
            return false;
        }
        if (equivalent(stored, draft)) {
            if (create && draft.schema != null && !registeredUnder(view, draft)) {
                throw new RegistryException(
                        ErrorCode.ASSOCIATION_FOR_RESOURCE_EXISTS, stored.associationType(), stored.resourceName());
            }
            return true;
        }
        if (create) {
            throw new RegistryException(
                    ErrorCode.ASSOCIATION_FOR_RESOURCE_EXISTS, stored.associationType(), stored.resourceName());
        }
        checkUpdate(request, draft, stored);
        return false;
    }

    private void checkNew(RegistryView view, Draft draft, Lifecycle lifecycle, boolean create) {
        boolean importing = scopes.importing(view, draft.subject);
        if (!create && lifecycle == Lifecycle.STRONG && !importing) {
            throw AssociationRequests.invalid(
                    "lifecycle",
                    "cannot be STRONG when creating an association; STRONG associations must be created with the topic");
        }
        if (Boolean.TRUE.equals(draft.frozen) && !importing) {
            if (create && draft.schema == null) {
                throw AssociationRequests.invalid(
                        "schema", "schema must be provided when creating a frozen association");
            }
            SchemaVersion latest = Subjects.latestLive(view, draft.subject).orElse(null);
            if (latest != null && (draft.schema == null || latest.version() != 1 || !registeredUnder(view, draft))) {
                throw AssociationRequests.invalid(
                        "frozen", "cannot create a frozen association when schemas already exist in the subject");
            }
        }
    }

    private static void checkUpdate(Validated request, Draft draft, Association stored) {
        if (draft.lifecycle == null && draft.schema == null) {
            throw AssociationRequests.invalid("lifecycle", "at least lifecycle or schema must be provided for update");
        }
        if (!stored.subject().equals(draft.subject)) {
            throw AssociationRequests.invalid(
                    "subject",
                    "subject of association cannot be changed from '" + stored.subject() + "' to '" + draft.subject
                            + "'");
        }
        String defaultSubject = request.defaultSubject(draft.type);
        if (stored.lifecycle() == Lifecycle.STRONG
                && draft.lifecycle == Lifecycle.WEAK
                && stored.subject().equals(defaultSubject)) {
            throw AssociationRequests.invalid(
                    "lifecycle", "cannot change to WEAK when subject matches default format '" + defaultSubject + "'");
        }
        if (draft.frozen != null && stored.frozen() != draft.frozen) {
            throw AssociationRequests.invalid("frozen", "frozen attribute of association cannot be changed");
        }
        if (stored.frozen()) {
            throw new RegistryException(ErrorCode.ASSOCIATION_FROZEN, stored.associationType(), stored.subject());
        }
    }

    /** A resource holds one lifecycle across its association types, counting what it stores and what is asked. */
    private static void checkUniformLifecycle(RegistryView view, Validated request) {
        List<Association> stored = request.resourceId() != null
                ? AssociationQueries.byResourceId(view, request.resourceId(), request.resourceType(), List.of(), null)
                : AssociationQueries.mostRecentResource(AssociationQueries.byResourceName(
                        view, request.name(), request.namespace(), request.resourceType(), List.of(), null));
        Map<String, Lifecycle> byType = new LinkedHashMap<>();
        stored.forEach(association -> byType.put(association.associationType(), association.lifecycle()));
        for (Draft draft : request.drafts()) {
            Lifecycle lifecycle = draft.lifecycle != null ? draft.lifecycle : byType.get(draft.type);
            if (lifecycle != null) {
                byType.put(draft.type, lifecycle);
            }
        }
        if (new HashSet<>(byType.values()).size() > 1) {
            StringBuilder detail = new StringBuilder();
            byType.forEach((type, lifecycle) -> detail.append(detail.length() == 0 ? "" : ", ")
                    .append(type)
                    .append('=')
                    .append(lifecycle));
            throw AssociationRequests.invalid(
                    "lifecycle", "all associations for a resource must have the same lifecycle, but got " + detail);
        }
    }

    /** The checks of one association against the other associations of its subject, and the subject's versions. */
    private void checkSubject(RegistryView view, Validated request, Draft draft, Association stored) {
        boolean importing = scopes.importing(view, draft.subject);
        if (draft.schema != null && importing) {
            throw AssociationRequests.invalid(
                    "schema", "cannot be provided while subject '" + draft.subject + "' is in IMPORT mode");
        }
        if (draft.schema == null && Subjects.latestLive(view, draft.subject).isEmpty()) {
            throw new RegistryException(ErrorCode.NO_ACTIVE_SUBJECT_VERSION, draft.subject);
        }
        List<Association> others = view.associationsBySubject(draft.subject).stream()
                .filter(other -> stored == null
                        || !(other.resourceId().equals(stored.resourceId())
                                && other.resourceType().equals(stored.resourceType())
                                && other.associationType().equals(stored.associationType())))
                .toList();
        Lifecycle lifecycle = lifecycle(draft, stored);
        if (lifecycle == Lifecycle.STRONG) {
            if (!others.isEmpty()) {
                throw new RegistryException(ErrorCode.ASSOCIATION_FOR_SUBJECT_EXISTS, draft.subject);
            }
            if (AssociationRules.referenced(view, draft.subject) || requestReferences(request, draft.subject)) {
                throw RegistryException.withMessage(
                        ErrorCode.REFERENCE_EXISTS,
                        "One or more references exist to the schema " + draft.subject + ".");
            }
        } else if (others.stream().anyMatch(other -> other.lifecycle() == Lifecycle.STRONG)) {
            throw new RegistryException(ErrorCode.STRONG_ASSOCIATION_FOR_SUBJECT_EXISTS, draft.subject);
        }
    }

    /** Whether a schema given in this request references the subject (it is not registered yet, so not indexed). */
    private static boolean requestReferences(Validated request, String subject) {
        for (Draft other : request.drafts()) {
            if (other.schema == null) {
                continue;
            }
            String context = QualifiedSubject.parse(other.subject).context();
            boolean refers = other.schema.references().stream()
                    .anyMatch(reference -> Subjects.qualified(QualifiedSubject.inContext(reference.subject(), context))
                            .equals(subject));
            if (refers) {
                return true;
            }
        }
        return false;
    }

    /** Registers each given schema on the overlay (never in IMPORT mode); the registered versions by type. */
    private Map<String, Object> register(Overlay overlay, Validated request, List<Event> events) {
        Map<String, Object> schemas = new HashMap<>();
        for (Draft draft : request.drafts()) {
            if (draft.schema == null || scopes.importing(overlay, draft.subject)) {
                continue;
            }
            Decision registered = registration.register(
                    new Command.RegisterSchema(draft.subject, draft.schema, draft.normalize), overlay);
            registered.events().forEach(overlay::apply);
            events.addAll(registered.events());
            int id = registeredId(registered.response());
            Subjects.live(overlay, draft.subject).stream()
                    .filter(version -> version.id() == id)
                    .reduce((first, second) -> second)
                    .ifPresent(version -> schemas.put(draft.type, ResponseBodies.SchemaEntity.of(version)));
        }
        return schemas;
    }

    private static int registeredId(Object response) {
        if (response instanceof ResponseBodies.RegisterResponse answer) {
            return answer.id();
        }
        // a registration that carries metadata or a rule set answers the whole entity
        return ((ResponseBodies.SchemaEntity) response).id();
    }

    private boolean registeredUnder(RegistryView view, Draft draft) {
        return lookups.find(view, draft.subject, draft.schema, draft.normalize, false)
                .isPresent();
    }

    private Association association(Validated request, Draft draft, Association stored) {
        Lifecycle lifecycle = lifecycle(draft, stored);
        boolean frozen = draft.frozen != null ? draft.frozen : stored != null && stored.frozen();
        if (stored == null) {
            return new Association(
                    guids.get(),
                    Association.DEFAULT_TENANT,
                    request.name(),
                    request.namespace(),
                    request.resourceId(),
                    request.resourceType(),
                    draft.type,
                    draft.subject,
                    lifecycle,
                    frozen,
                    null,
                    null);
        }
        return new Association(
                stored.guid(),
                Association.DEFAULT_TENANT,
                stored.resourceName(),
                stored.resourceNamespace(),
                stored.resourceId(),
                stored.resourceType(),
                draft.type,
                draft.subject,
                lifecycle,
                frozen,
                null,
                null);
    }

    private static Lifecycle lifecycle(Draft draft, Association stored) {
        Lifecycle lifecycle = draft.lifecycle != null ? draft.lifecycle : stored == null ? null : stored.lifecycle();
        if (lifecycle == null) {
            throw AssociationRequests.invalid("lifecycle", "lifecycle must be set");
        }
        return lifecycle;
    }

    private static boolean equivalent(Association stored, Draft draft) {
        return Objects.equals(stored.subject(), draft.subject)
                && Objects.equals(stored.associationType(), draft.type)
                && (draft.lifecycle == null || draft.lifecycle == stored.lifecycle())
                && (draft.frozen == null || draft.frozen == stored.frozen());
    }

    private static Map<String, Object> resource(
            AssociationRequests.Validated request, List<Association> written, Map<String, Object> schemas) {
        return AssociationResponses.resource(
                request.name(), request.namespace(), request.resourceId(), request.resourceType(), written, schemas);
    }
}
