package dev.castle.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.castle.domain.SchemaFingerprint;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.util.List;

/**
 * The response shapes of the read routes (spec §2), as Confluent emits them: empty properties omitted, {@code schemaType}
 * omitted for AVRO, {@code references} omitted when empty, {@code metadata}/{@code ruleSet} passed through as raw JSON,
 * and Confluent 8.x's {@code guid} (the content hash as a UUID) beside the id.
 */
final class Bodies {
    private Bodies() {}

    /** {@code GET /schemas/ids/{id}}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"guid", "schemaType", "schema", "references", "metadata", "ruleSet", "maxId"})
    record SchemaString(
            String guid,
            String schemaType,
            String schema,
            List<SchemaReference> references,
            @JsonRawValue String metadata,
            @JsonRawValue String ruleSet,
            Integer maxId) {

        static SchemaString of(SchemaVersion version, String text, Integer maxId) {
            return new SchemaString(
                    SchemaFingerprint.guid(version),
                    typeName(version.schemaType()),
                    text,
                    version.references(),
                    version.metadata(),
                    version.ruleSet(),
                    maxId);
        }
    }

    /** A subject-version: {@code GET /subjects/{s}/versions/{v}}, lookup, {@code GET /schemas}. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"subject", "version", "id", "guid", "schemaType", "references", "metadata", "ruleSet", "schema"
    })
    record SchemaEntity(
            String subject,
            int version,
            int id,
            String guid,
            String schemaType,
            List<SchemaReference> references,
            @JsonRawValue String metadata,
            @JsonRawValue String ruleSet,
            String schema) {

        static SchemaEntity of(SchemaVersion version, String text) {
            return new SchemaEntity(
                    version.subject(),
                    version.version(),
                    version.id(),
                    SchemaFingerprint.guid(version),
                    typeName(version.schemaType()),
                    version.references(),
                    version.metadata(),
                    version.ruleSet(),
                    text);
        }
    }

    /** An id in a context: {@code GET /schemas/guids/{guid}/ids} (Confluent 8.x). */
    @JsonPropertyOrder({"context", "id"})
    record ContextId(String context, int id) {}

    /** {@code GET /schemas/ids/{id}/versions}. */
    @JsonPropertyOrder({"subject", "version"})
    record SubjectVersion(String subject, int version) {}

    /** Both compatibility endpoints; {@code messages} only when verbose. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"is_compatible", "messages"})
    record Compatibility(@JsonProperty("is_compatible") boolean compatible, List<String> messages) {}

    /** {@code GET /mode[/{s}]}. */
    record ModeBody(String mode) {}

    /** AVRO is the default and is never printed. */
    static String typeName(SchemaType type) {
        return type == null || type == SchemaType.AVRO ? null : type.name();
    }
}
