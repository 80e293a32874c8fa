package dev.castle.domain.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.SchemaFingerprint;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaTags;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The answers of the registry's routes (spec §2), for reads and writes alike, as Confluent emits them: empty properties
 * omitted, {@code schemaType} omitted for AVRO, {@code references} omitted when empty, {@code metadata}/{@code ruleSet}
 * passed through as raw JSON, and Confluent 8.x's {@code guid} (the content hash as a UUID) beside the id.
 */
public final class ResponseBodies {
    /** A config in the vocabulary of {@code PUT /config}'s echo. */
    public static final String REQUEST_LEVEL = "compatibility";
    /** A config in the vocabulary of {@code GET} and {@code DELETE /config}. */
    public static final String RESPONSE_LEVEL = "compatibilityLevel";

    private ResponseBodies() {}

    /** Confluent's error body {@code {"error_code": 40401, "message": "..."}} (spec §1.2), the answer to every failure. */
    @JsonPropertyOrder({"error_code", "message"})
    public record ErrorBody(@JsonProperty("error_code") int errorCode, String message) {}

    /** {@code {"id": n, "guid": "..."}}: the answer to a registration. */
    @JsonPropertyOrder({"id", "guid"})
    public record RegisterResponse(int id, String guid) {
        public static RegisterResponse of(SchemaVersion version) {
            return new RegisterResponse(version.id(), SchemaFingerprint.guid(version));
        }
    }

    /** {@code GET /schemas/ids/{id}}; {@code schemaTags} only when {@code findTags} found some. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"guid", "schemaType", "schema", "references", "metadata", "ruleSet", "schemaTags", "maxId"})
    public record SchemaString(
            String guid,
            String schemaType,
            String schema,
            List<SchemaReference> references,
            @JsonRawValue String metadata,
            @JsonRawValue String ruleSet,
            List<TaggedEntity> schemaTags,
            Integer maxId) {

        public static SchemaString of(SchemaVersion version, String text, Integer maxId) {
            return new SchemaString(
                    SchemaFingerprint.guid(version),
                    typeName(version.schemaType()),
                    text,
                    version.references(),
                    version.metadata(),
                    version.ruleSet(),
                    null,
                    maxId);
        }

        /** This answer with the entities a {@code findTags} found. */
        public SchemaString withSchemaTags(List<SchemaTags> found) {
            return new SchemaString(
                    guid, schemaType, schema, references, metadata, ruleSet, TaggedEntity.all(found), maxId);
        }
    }

    /**
     * A subject-version, Confluent's Schema entity: {@code GET /subjects/{s}/versions/{v}}, a lookup, {@code GET
     * /schemas}, a registration that asked for the whole entity; {@code schemaTags} only when {@code findTags} found
     * some.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({
        "subject",
        "version",
        "id",
        "guid",
        "schemaType",
        "references",
        "metadata",
        "ruleSet",
        "schema",
        "schemaTags"
    })
    public record SchemaEntity(
            String subject,
            int version,
            int id,
            String guid,
            String schemaType,
            List<SchemaReference> references,
            @JsonRawValue String metadata,
            @JsonRawValue String ruleSet,
            String schema,
            List<TaggedEntity> schemaTags) {

        /** The entity with the stored schema text. */
        public static SchemaEntity of(SchemaVersion version) {
            return of(version, version.schema());
        }

        /** The entity with {@code text} (a rendering of the schema) as its schema. */
        public static SchemaEntity of(SchemaVersion version, String text) {
            return new SchemaEntity(
                    version.subject(),
                    version.version(),
                    version.id(),
                    SchemaFingerprint.guid(version),
                    typeName(version.schemaType()),
                    version.references(),
                    version.metadata(),
                    version.ruleSet(),
                    text,
                    null);
        }

        /** This entity with the entities a {@code findTags} found. */
        public SchemaEntity withSchemaTags(List<SchemaTags> found) {
            return new SchemaEntity(
                    subject,
                    version,
                    id,
                    guid,
                    schemaType,
                    references,
                    metadata,
                    ruleSet,
                    schema,
                    TaggedEntity.all(found));
        }
    }

    /** A tagged entity in a {@code findTags} answer: {@code {"schemaEntity":{…},"tags":[…]}}. */
    @JsonPropertyOrder({"schemaEntity", "tags"})
    public record TaggedEntity(EntityName schemaEntity, List<String> tags) {
        static List<TaggedEntity> all(List<SchemaTags> found) {
            return found.stream()
                    .map(t -> new TaggedEntity(
                            new EntityName(t.entity().path(), t.entity().type().wireName()), t.tags()))
                    .toList();
        }
    }

    /** {@code {"entityPath":"myrecord.f1","entityType":"sr_field"}}. */
    @JsonPropertyOrder({"entityPath", "entityType"})
    public record EntityName(String entityPath, String entityType) {}

    /** An id in a context: {@code GET /schemas/guids/{guid}/ids} (Confluent 8.x). */
    @JsonPropertyOrder({"context", "id"})
    public record ContextId(String context, int id) {}

    /** {@code GET /schemas/ids/{id}/versions}. */
    @JsonPropertyOrder({"subject", "version"})
    public record SubjectVersion(String subject, int version) {}

    /** Both compatibility endpoints; {@code messages} only when verbose. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"is_compatible", "messages"})
    public record Compatibility(@JsonProperty("is_compatible") boolean compatible, List<String> messages) {}

    /** {@code {"mode": "..."}}, the mode routes' answer; a mode that was never set is {@code "mode": null}. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ModeBody(String mode) {
        public static ModeBody of(Object mode) {
            return new ModeBody(mode == null ? null : mode.toString());
        }
    }

    /**
     * A config with Confluent's property order ({@code alias, normalize, validateFields, validateRules, <level>,
     * compatibilityGroup}, then the stored extras such as {@code defaultMetadata}), the level named {@code levelName}:
     * {@link #REQUEST_LEVEL} or {@link #RESPONSE_LEVEL}.
     */
    public static ObjectNode config(ConfigValue config, String levelName) {
        ObjectNode body = Jackson.MAPPER.createObjectNode();
        putIfSet(body, "alias", config.alias());
        putIfSet(body, "normalize", config.normalize());
        putIfSet(body, "validateFields", config.validateFields());
        putIfSet(body, "validateRules", config.validateRules());
        putIfSet(
                body,
                levelName,
                config.compatibilityLevel() == null
                        ? null
                        : config.compatibilityLevel().name());
        putIfSet(body, "compatibilityGroup", config.compatibilityGroup());
        for (Iterator<Map.Entry<String, JsonNode>> it = extras(config.other()).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> extra = it.next();
            if (!body.has(extra.getKey())) {
                body.set(extra.getKey(), extra.getValue());
            }
        }
        return body;
    }

    /** AVRO is the default and is never printed. */
    public static String typeName(SchemaType type) {
        return type == null || type == SchemaType.AVRO ? null : type.name();
    }

    private static void putIfSet(ObjectNode body, String name, Object value) {
        if (value != null) {
            body.set(name, Jackson.MAPPER.valueToTree(value));
        }
    }

    /** A config's stored extra properties; none when there are none or they are not a JSON object. */
    private static JsonNode extras(String raw) {
        if (raw == null) {
            return Jackson.MAPPER.createObjectNode();
        }
        try {
            JsonNode node = Jackson.MAPPER.readTree(raw);
            return node.isObject() ? node : Jackson.MAPPER.createObjectNode();
        } catch (JsonProcessingException e) {
            return Jackson.MAPPER.createObjectNode();
        }
    }
}
