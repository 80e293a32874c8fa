package dev.castle.domain.decide;

import dev.castle.domain.Association;
import dev.castle.domain.AssociationBatch;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.json.AssociationResponses;
import dev.castle.domain.json.ResponseBodies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code POST /associations:batchGet} (Confluent 8.x): each lookup answered on its own, by resource id or else by name
 * and namespace, as the resource with its associations (and, with {@code includeSchemas}, the latest live version of
 * each association's subject); a lookup that names no resource, or whose matches span several resources, is an error
 * in its place.
 */
public final class AssociationLookups {
    private AssociationLookups() {}

    /** {@code {"results":[…]}}; an empty batch is 42212. */
    public static Map<String, Object> batchGet(
            RegistryView view, List<AssociationBatch.Lookup> lookups, boolean includeSchemas) {
        if (lookups == null || lookups.isEmpty()) {
            throw AssociationRequests.invalid("requests", "cannot be null or empty");
        }
        List<Object> results = new ArrayList<>();
        for (AssociationBatch.Lookup lookup : lookups) {
            try {
                results.add(AssociationResponses.result(lookUp(view, lookup, includeSchemas)));
            } catch (RegistryException e) {
                results.add(AssociationResponses.error(e));
            }
        }
        return AssociationResponses.batch(results);
    }

    private static Object lookUp(RegistryView view, AssociationBatch.Lookup lookup, boolean includeSchemas) {
        boolean byId = !empty(lookup.resourceId());
        if (!byId && empty(lookup.resourceName())) {
            throw AssociationRequests.invalid("resourceId", "either resourceId or resourceName must be specified");
        }
        if (!byId && empty(lookup.resourceNamespace())) {
            throw AssociationRequests.invalid(
                    "resourceNamespace", "resourceNamespace is required when resourceName is specified");
        }
        String type = AssociationRequests.orTopic(lookup.resourceType());
        List<Association> found = byId
                ? AssociationQueries.byResourceId(
                        view, lookup.resourceId(), type, lookup.associationTypes(), lookup.lifecycle())
                : AssociationQueries.byResourceName(
                        view,
                        lookup.resourceName(),
                        lookup.resourceNamespace(),
                        type,
                        lookup.associationTypes(),
                        lookup.lifecycle());
        String name = lookup.resourceName();
        String namespace = lookup.resourceNamespace();
        String id = lookup.resourceId();
        if (!found.isEmpty()) {
            Association first = found.get(0);
            name = name == null ? first.resourceName() : name;
            namespace = namespace == null ? first.resourceNamespace() : namespace;
            id = id == null ? first.resourceId() : id;
        }
        for (Association association : found) {
            if (!Objects.equals(association.resourceName(), name)
                    || !Objects.equals(association.resourceNamespace(), namespace)
                    || !Objects.equals(association.resourceId(), id)) {
                throw AssociationRequests.invalid(
                        "resourceName", "the associations found belong to more than one resource");
            }
        }
        Map<String, Object> schemas = new HashMap<>();
        if (includeSchemas) {
            for (Association association : found) {
                Subjects.latestLive(view, association.subject())
                        .ifPresent(v -> schemas.put(association.associationType(), ResponseBodies.SchemaEntity.of(v)));
            }
        }
        return AssociationResponses.resource(name, namespace, id, type, found, schemas);
    }

    private static boolean empty(String text) {
        return text == null || text.isEmpty();
    }
}
