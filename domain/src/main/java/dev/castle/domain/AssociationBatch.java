package dev.castle.domain;

import java.util.List;

/**
 * The requests of Confluent 8.x's batch association routes. {@code POST /associations:batchMutate} sends, per resource,
 * a list of operations applied in order ({@link Mutation}); {@code POST /associations:batchGet} sends, per resource, a
 * lookup ({@link Lookup}). Each is answered on its own: a result or an error per request, in request order.
 */
public final class AssociationBatch {
    private AssociationBatch() {}

    /** One resource's operations ({@code AssociationOpRequest}); every property may be null as sent. */
    public record Mutation(
            String resourceName, String resourceNamespace, String resourceId, String resourceType, List<Op> ops) {

        public Mutation {
            ops = ops == null ? null : List.copyOf(ops);
        }

        /** The resource with these associations to create or update, as the single-resource routes take it. */
        public AssociationRequest request(List<AssociationRequest.Item> items) {
            return new AssociationRequest(resourceName, resourceNamespace, resourceId, resourceType, items);
        }
    }

    /** The three kinds of operation ({@code opType}). */
    public enum OpType {
        CREATE,
        UPSERT,
        DELETE
    }

    /**
     * One operation: a CREATE or UPSERT carries an association as {@code POST /associations} and {@code PUT
     * /associations/resources/{id}} take it; a DELETE names its {@code associationType} in {@code association} and may
     * cascade to a STRONG association's subject.
     */
    public record Op(OpType type, AssociationRequest.Item association, boolean cascadeLifecycle) {
        public static Op delete(String associationType, boolean cascadeLifecycle) {
            return new Op(
                    OpType.DELETE,
                    new AssociationRequest.Item(null, associationType, null, null, null, null),
                    cascadeLifecycle);
        }
    }

    /** One lookup ({@code AssociationGetRequest}): by resource id, else by name and namespace. */
    public record Lookup(
            String resourceName,
            String resourceNamespace,
            String resourceId,
            String resourceType,
            List<String> associationTypes,
            Association.Lifecycle lifecycle) {

        public Lookup {
            associationTypes = associationTypes == null ? List.of() : List.copyOf(associationTypes);
        }
    }
}
