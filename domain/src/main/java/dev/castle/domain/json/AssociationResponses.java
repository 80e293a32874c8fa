package dev.castle.domain.json;

import dev.castle.domain.Association;
import dev.castle.domain.Association.Lifecycle;
import dev.castle.domain.RegistryException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Confluent 8.x's association JSON: the {@code Association} entity of the lookups and the {@code AssociationResponse}
 * of creates and updates, with empty properties left out and {@code frozen} only where it differs from the lifecycle's
 * default (STRONG is frozen, WEAK is not).
 */
public final class AssociationResponses {
    private AssociationResponses() {}

    /** One association as the lookups list it. */
    public static Map<String, Object> association(Association association) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", association.subject());
        body.put("guid", association.guid());
        putIfSet(body, "resourceName", association.resourceName());
        putIfSet(body, "resourceNamespace", association.resourceNamespace());
        putIfSet(body, "resourceId", association.resourceId());
        putIfSet(body, "resourceType", association.resourceType());
        putIfSet(body, "associationType", association.associationType());
        body.put("lifecycle", association.lifecycle().name());
        putFrozen(body, association.lifecycle(), association.frozen());
        putIfSet(body, "createTs", association.createTimestamp());
        putIfSet(body, "updateTs", association.updateTimestamp());
        return body;
    }

    /** A resource and the associations written for it, each with the schema registered for its type, if any. */
    public static Map<String, Object> resource(
            String name,
            String namespace,
            String resourceId,
            String resourceType,
            List<Association> written,
            Map<String, Object> schemas) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "resourceName", name);
        putIfSet(body, "resourceNamespace", namespace);
        putIfSet(body, "resourceId", resourceId);
        putIfSet(body, "resourceType", resourceType);
        if (!written.isEmpty()) {
            List<Map<String, Object>> infos = new ArrayList<>();
            for (Association association : written) {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("subject", association.subject());
                info.put("associationType", association.associationType());
                info.put("lifecycle", association.lifecycle().name());
                putFrozen(info, association.lifecycle(), association.frozen());
                putIfSet(info, "schema", schemas.get(association.associationType()));
                infos.add(info);
            }
            body.put("associations", infos);
        }
        return body;
    }

    /** {@code {"results":[…]}}: the answer of both batch routes, one {@link #result} or {@link #error} per request. */
    public static Map<String, Object> batch(List<Object> results) {
        return Map.of("results", results);
    }

    /** {@code {"result":{…}}}: a batch request that succeeded, with its resource answer. */
    public static Object result(Object resource) {
        return Map.of("result", resource);
    }

    /** {@code {"error":{"error_code":…,"message":…}}}: a batch request that failed, and why. */
    public static Object error(RegistryException failure) {
        return Map.of("error", new ResponseBodies.ErrorBody(failure.errorCode().code(), failure.getMessage()));
    }

    private static void putFrozen(Map<String, Object> body, Lifecycle lifecycle, boolean frozen) {
        if (frozen != (lifecycle == Lifecycle.STRONG)) {
            body.put("frozen", frozen);
        }
    }

    private static void putIfSet(Map<String, Object> body, String name, Object value) {
        if (value != null && !"".equals(value)) {
            body.put(name, value);
        }
    }
}
