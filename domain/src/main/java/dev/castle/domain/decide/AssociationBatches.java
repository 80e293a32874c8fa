package dev.castle.domain.decide;

import dev.castle.domain.Association;
import dev.castle.domain.AssociationBatch;
import dev.castle.domain.AssociationBatch.Op;
import dev.castle.domain.AssociationBatch.OpType;
import dev.castle.domain.AssociationRequest;
import dev.castle.domain.Command;
import dev.castle.domain.Decision;
import dev.castle.domain.Event;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.json.AssociationResponses;
import dev.castle.domain.state.Overlay;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /associations:batchMutate} (Confluent 8.x): each resource's operations are decided in order on an overlay
 * of the resources before it, a run of adjacent CREATEs (or UPSERTs) as one {@code POST /associations} (or {@code PUT})
 * and each DELETE as {@code DELETE /associations/resources/{id}}, so every rule of the single routes applies. A resource
 * whose operations all pass adds its events and its associations to the answer; one that fails adds its error and
 * writes nothing, and the others still go ahead. All the events are appended together.
 */
final class AssociationBatches {
    private final Associations associations;
    private final AssociationDeletions deletions;

    AssociationBatches(Associations associations, AssociationDeletions deletions) {
        this.associations = associations;
        this.deletions = deletions;
    }

    Decision mutate(Command.MutateAssociations command, RegistryView view) {
        if (command.requests().isEmpty()) {
            throw AssociationRequests.invalid("requests", "cannot be null or empty");
        }
        Overlay overlay = new Overlay(view);
        List<Event> events = new ArrayList<>();
        List<Object> results = new ArrayList<>();
        for (AssociationBatch.Mutation mutation : command.requests()) {
            Overlay scratch = new Overlay(overlay);
            List<Event> written = new ArrayList<>();
            try {
                Object resource = apply(command, mutation, scratch, written);
                written.forEach(overlay::apply);
                events.addAll(written);
                results.add(AssociationResponses.result(resource));
            } catch (RegistryException e) {
                results.add(AssociationResponses.error(e));
            }
        }
        return new Decision(events, AssociationResponses.batch(results));
    }

    /** One resource's operations on {@code scratch}; its answer: the resource with all its associations afterwards. */
    private Object apply(
            Command.MutateAssociations command,
            AssociationBatch.Mutation mutation,
            Overlay scratch,
            List<Event> written) {
        String resourceType = check(mutation, command.dryRun());
        List<Op> ops = mutation.ops();
        Map<String, Object> schemas = new HashMap<>();
        int index = 0;
        while (index < ops.size()) {
            Op op = ops.get(index);
            if (op.type() == OpType.DELETE) {
                Decision deleted = deletions.delete(
                        new Command.DeleteAssociations(
                                mutation.resourceId(),
                                resourceType,
                                List.of(AssociationRequests.associationType(
                                        op.association().associationType())),
                                op.cascadeLifecycle(),
                                command.dryRun()),
                        scratch);
                record(scratch, written, deleted);
                index++;
                continue;
            }
            List<AssociationRequest.Item> run = new ArrayList<>();
            int end = index;
            while (end < ops.size() && ops.get(end).type() == op.type()) {
                run.add(ops.get(end).association());
                end++;
            }
            Decision put = associations.put(
                    new Command.PutAssociations(
                            command.context(), op.type() == OpType.CREATE, command.dryRun(), mutation.request(run)),
                    scratch);
            record(scratch, written, put);
            collectSchemas(put.response(), schemas);
            index = end;
        }
        List<Association> now = command.dryRun()
                ? List.of()
                : AssociationQueries.byResourceId(scratch, mutation.resourceId(), resourceType, List.of(), null);
        return AssociationResponses.resource(
                mutation.resourceName(),
                mutation.resourceNamespace(),
                mutation.resourceId(),
                resourceType,
                now,
                schemas);
    }

    /** Confluent's checks of the whole resource request: the resource, at least one op, each type at most once. */
    private static String check(AssociationBatch.Mutation mutation, boolean dryRun) {
        String resourceType = AssociationRequests.resourceType(mutation.request(List.of()), dryRun);
        if (mutation.ops() == null || mutation.ops().isEmpty()) {
            throw AssociationRequests.invalid("associations", "cannot be null or empty");
        }
        Set<String> types = new HashSet<>();
        for (Op op : mutation.ops()) {
            String type = AssociationRequests.associationType(op.association().associationType());
            if (!types.add(type)) {
                throw AssociationRequests.invalid(
                        "associationType",
                        "may only appear once per request, but '" + type + "' appears more than once");
            }
        }
        return resourceType;
    }

    private static void record(Overlay scratch, List<Event> written, Decision decision) {
        decision.events().forEach(scratch::apply);
        written.addAll(decision.events());
    }

    /** The schemas a put registered, by association type, from its answer. */
    private static void collectSchemas(Object answer, Map<String, Object> schemas) {
        if (!(answer instanceof Map<?, ?> resource && resource.get("associations") instanceof List<?> infos)) {
            return;
        }
        for (Object info : infos) {
            if (info instanceof Map<?, ?> map && map.get("schema") != null) {
                schemas.put((String) map.get("associationType"), map.get("schema"));
            }
        }
    }
}
