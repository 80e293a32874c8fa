package dev.castle.domain.decide;

import dev.castle.domain.Association;
import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.Event;
import dev.castle.domain.QualifiedSubject;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.state.Overlay;
import java.util.ArrayList;
import java.util.List;

/**
 * Deleting associations ({@code DELETE /associations/resources/{id}}) and empty contexts ({@code DELETE
 * /contexts/{ctx}}), Confluent 8.x. A cascading delete of a STRONG association deletes its subject too, softly then
 * permanently, in the same decision.
 */
final class AssociationDeletions {
    private final Scopes scopes;
    private final Deletions deletions;

    AssociationDeletions(Scopes scopes, Deletions deletions) {
        this.scopes = scopes;
        this.deletions = deletions;
    }

    Decision delete(Command.DeleteAssociations command, RegistryView view) {
        String type = AssociationRequests.orTopic(command.resourceType());
        List<Association> associations =
                AssociationQueries.byResourceId(view, command.resourceId(), type, command.associationTypes(), null);
        if (associations.isEmpty()) {
            throw new RegistryException(ErrorCode.ASSOCIATION_NOT_FOUND, command.resourceId());
        }
        for (Association association : associations) {
            AssociationRules.checkWritable(scopes, view, association.subject());
            if (!command.cascade() && association.frozen()) {
                throw new RegistryException(
                        ErrorCode.ASSOCIATION_FROZEN, association.associationType(), association.subject());
            }
        }
        if (command.dryRun()) {
            return Decision.answer(null);
        }
        Overlay overlay = new Overlay(view);
        List<Event> events = new ArrayList<>();
        for (Association association : associations) {
            apply(overlay, events, List.of(new Event.AssociationTombstoned(association.key())));
            if (command.cascade()
                    && association.lifecycle() == Association.Lifecycle.STRONG
                    && !scopes.importing(overlay, association.subject())) {
                deleteSubject(overlay, events, association.subject());
            }
        }
        return new Decision(events, null);
    }

    /** The subject's live versions soft-deleted, then all its versions permanently deleted. */
    private void deleteSubject(Overlay overlay, List<Event> events, String subject) {
        if (!Subjects.live(overlay, subject).isEmpty()) {
            apply(
                    overlay,
                    events,
                    deletions
                            .deleteSubject(new Command.DeleteSubject(subject, false), overlay)
                            .events());
        }
        if (!overlay.versions(subject).isEmpty()) {
            apply(
                    overlay,
                    events,
                    deletions
                            .deleteSubject(new Command.DeleteSubject(subject, true), overlay)
                            .events());
        }
    }

    private static void apply(Overlay overlay, List<Event> events, List<Event> more) {
        more.forEach(overlay::apply);
        events.addAll(more);
    }

    /** An empty context is forgotten (a CONTEXT tombstone); one that still has subjects, soft-deleted too, is 42211. */
    Decision deleteContext(Command.DeleteContext command, RegistryView view) {
        String context = contextName(command.context());
        String level = QualifiedSubject.prefixOf(context);
        if (!Subjects.matching(view, level).isEmpty()) {
            throw new RegistryException(ErrorCode.CONTEXT_NOT_EMPTY, level);
        }
        if (QualifiedSubject.DEFAULT_CONTEXT.equals(context)) {
            return Decision.answer(null);
        }
        return new Decision(List.of(new Event.ContextDeleted(Association.DEFAULT_TENANT, context)), null);
    }

    /** {@code .ctx}, {@code ctx} and {@code :.ctx:} all name context {@code .ctx}; a colon inside is 400. */
    private static String contextName(String raw) {
        String name = raw == null ? "" : raw;
        if (name.startsWith(":")) {
            name = name.substring(1);
        }
        if (name.endsWith(":")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.contains(":")) {
            throw RegistryException.withMessage(
                    ErrorCode.BAD_REQUEST, "Context name '" + name + "' cannot contain a colon");
        }
        if (name.isEmpty() || name.equals(QualifiedSubject.DEFAULT_CONTEXT)) {
            return QualifiedSubject.DEFAULT_CONTEXT;
        }
        return name.startsWith(".") ? name : "." + name;
    }
}
