package dev.castle.topology;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.domain.Association;
import java.io.IOException;

/**
 * Confluent 8.x's ASSOC records. Key: {@code keytype, tenant, resourceName, resourceNamespace, resourceType,
 * associationType, subject, magic} (its {@code @JsonPropertyOrder}). Value: {@code guid, tenant, resourceName,
 * resourceNamespace, resourceId, resourceType, associationType, subject, lifecycle, frozen} (the order Jackson gives
 * its creator properties), without the {@code createTs} a writer never sets. A tombstone deletes the association.
 */
final class AssociationRecords {
    private AssociationRecords() {}

    static void writeKey(JsonGenerator json, Association.Key key) throws IOException {
        json.writeStringField("keytype", "ASSOC");
        json.writeStringField("tenant", key.tenant());
        json.writeStringField("resourceName", key.resourceName());
        json.writeStringField("resourceNamespace", key.resourceNamespace());
        json.writeStringField("resourceType", key.resourceType());
        json.writeStringField("associationType", key.associationType());
        json.writeStringField("subject", key.subject());
        json.writeNumberField("magic", 0);
    }

    static void writeValue(JsonGenerator json, Association association) throws IOException {
        json.writeStringField("guid", association.guid());
        json.writeStringField("tenant", association.tenant());
        json.writeStringField("resourceName", association.resourceName());
        json.writeStringField("resourceNamespace", association.resourceNamespace());
        json.writeStringField("resourceId", association.resourceId());
        json.writeStringField("resourceType", association.resourceType());
        json.writeStringField("associationType", association.associationType());
        json.writeStringField("subject", association.subject());
        json.writeStringField("lifecycle", association.lifecycle().name());
        json.writeBooleanField("frozen", association.frozen());
        if (association.createTimestamp() != null) {
            json.writeNumberField("createTs", association.createTimestamp());
        }
    }

    static Association.Key key(JsonNode key) {
        return new Association.Key(
                tenant(key),
                SchemasDecoder.text(key, "resourceName"),
                SchemasDecoder.text(key, "resourceNamespace"),
                SchemasDecoder.text(key, "resourceType"),
                SchemasDecoder.text(key, "associationType"),
                SchemasDecoder.text(key, "subject"));
    }

    /** The association a value holds, written by a record at {@code timestamp} (-1 if unknown). */
    static Association value(JsonNode value, long timestamp) {
        return new Association(
                SchemasDecoder.text(value, "guid"),
                tenant(value),
                SchemasDecoder.text(value, "resourceName"),
                SchemasDecoder.text(value, "resourceNamespace"),
                SchemasDecoder.text(value, "resourceId"),
                SchemasDecoder.text(value, "resourceType"),
                SchemasDecoder.text(value, "associationType"),
                SchemasDecoder.text(value, "subject"),
                lifecycle(SchemasDecoder.text(value, "lifecycle")),
                value.path("frozen").asBoolean(false),
                null,
                timestamp < 0 ? null : timestamp);
    }

    private static String tenant(JsonNode node) {
        String tenant = SchemasDecoder.optionalText(node, "tenant");
        return tenant == null ? Association.DEFAULT_TENANT : tenant;
    }

    private static Association.Lifecycle lifecycle(String name) {
        try {
            return Association.Lifecycle.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new SchemasDecoder.Malformed("unknown lifecycle " + name);
        }
    }
}
