package dev.castle.domain;

import java.util.List;

/**
 * The body of {@code POST /associations} and {@code PUT /associations/resources/{id}} (Confluent's
 * {@code AssociationCreateOrUpdateRequest}): a resource and the associations to create or update for it. Every
 * property may be null as sent; the Decider validates and fills defaults.
 */
public record AssociationRequest(
        String resourceName,
        String resourceNamespace,
        String resourceId,
        String resourceType,
        List<Item> associations) {

    public AssociationRequest {
        associations = associations == null ? null : List.copyOf(associations);
    }

    /**
     * One association of the request ({@code AssociationCreateOrUpdateInfo}): the subject, its type ({@code key} or
     * {@code value}), lifecycle and frozen flag, and optionally a schema to register under the subject.
     */
    public record Item(
            String subject,
            String associationType,
            Association.Lifecycle lifecycle,
            Boolean frozen,
            SchemaRequest schema,
            Boolean normalize) {}

    public AssociationRequest withResourceId(String id) {
        return new AssociationRequest(resourceName, resourceNamespace, id, resourceType, associations);
    }
}
