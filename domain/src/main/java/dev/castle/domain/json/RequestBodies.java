package dev.castle.domain.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaEntity;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaRequest;
import dev.castle.domain.SchemaTags;
import dev.castle.domain.SchemaType;
import dev.castle.domain.TagChanges;
import dev.castle.domain.TagRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses request bodies into records shaped like Confluent's request types, so Jackson accepts, coerces and refuses
 * exactly what it does for Confluent. Syntax errors surface as Jackson's {@link IOException}s, which the HTTP layer
 * answers with 400 and Jackson's message; a body of the wrong shape is a 400 with Jackson's mismatch message naming
 * Confluent's request type, as Confluent's mapper names it (spec §1.3); a missing body is 422.
 */
public final class RequestBodies {
    private static final ObjectMapper MAPPER = Jackson.MAPPER;

    /**
     * A reader per body type, made once: {@code MAPPER.readValue(bytes, type)} resolves the type through Jackson's type
     * cache on every call, about 2% of the CPU time of re-registering a known schema.
     */
    private static final ClassValue<ObjectReader> READERS = new ClassValue<>() {
        @Override
        protected ObjectReader computeValue(Class<?> type) {
            return MAPPER.readerFor(type);
        }
    };

    private static final String CONFLUENT_ENTITIES = "io.confluent.kafka.schemaregistry.client.rest.entities.";

    /** The type Confluent reads each body (or part of one) into, which its mismatch messages name. */
    private static final Map<Class<?>, String> CONFLUENT_TYPES = Map.of(
            SchemaBody.class, CONFLUENT_ENTITIES + "requests.RegisterSchemaRequest",
            ReferenceBody.class, CONFLUENT_ENTITIES + "SchemaReference",
            EntityBody.class, CONFLUENT_ENTITIES + "SchemaEntity",
            TagsBody.class, CONFLUENT_ENTITIES + "SchemaTags",
            TagSchemaBody.class, CONFLUENT_ENTITIES + "requests.TagSchemaRequest",
            ConfigBody.class, CONFLUENT_ENTITIES + "requests.ConfigUpdateRequest",
            ModeBody.class, CONFLUENT_ENTITIES + "requests.ModeUpdateRequest");

    private RequestBodies() {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record ReferenceBody(String name, String subject, Integer version) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record SchemaBody(
            String schema,
            String schemaType,
            List<ReferenceBody> references,
            Integer id,
            Integer version,
            JsonNode metadata,
            JsonNode ruleSet,
            List<TagsBody> schemaTagsToAdd,
            List<TagsBody> schemaTagsToRemove,
            Boolean propagateSchemaTags) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record EntityBody(String entityPath, String entityType) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record TagsBody(EntityBody schemaEntity, List<String> tags) {}

    /**
     * The body of {@code PUT /config} ({@code ConfigUpdateRequest}); the data-contract properties are kept as JSON.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConfigBody(
            String alias,
            Boolean normalize,
            Boolean validateFields,
            Boolean validateRules,
            @JsonProperty("compatibility") String compatibility,
            String compatibilityGroup,
            JsonNode defaultMetadata,
            JsonNode overrideMetadata,
            JsonNode defaultRuleSet,
            JsonNode overrideRuleSet) {}

    /**
     * The body of {@code PUT /mode} ({@code ModeUpdateRequest}): {@code {"mode":"IMPORT"}}, or, as Confluent's type
     * has a one-string constructor Jackson reads bare strings with, just {@code "IMPORT"}.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ModeBody(String mode) {
        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public ModeBody(@JsonProperty("mode") String mode) {
            this.mode = mode;
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        static ModeBody of(String mode) {
            return new ModeBody(mode);
        }
    }

    /** The body of register, lookup and compatibility requests. */
    public static SchemaRequest schemaRequest(byte[] body) throws IOException {
        SchemaBody parsed = read(body, SchemaBody.class);
        List<SchemaReference> references = parsed.references() == null
                ? List.of()
                : parsed.references().stream().map(RequestBodies::reference).toList();
        return new SchemaRequest(
                parsed.schema(),
                SchemaType.fromName(parsed.schemaType()),
                references,
                parsed.id(),
                parsed.version(),
                compact(parsed.metadata()),
                compact(parsed.ruleSet()),
                new TagChanges(
                        tags(parsed.schemaTagsToAdd()),
                        tags(parsed.schemaTagsToRemove()),
                        Boolean.TRUE.equals(parsed.propagateSchemaTags())));
    }

    private static List<SchemaTags> tags(List<TagsBody> bodies) {
        if (bodies == null) {
            return List.of();
        }
        List<SchemaTags> tags = new ArrayList<>();
        for (TagsBody body : bodies) {
            if (body == null) {
                continue;
            }
            EntityBody entity = body.schemaEntity();
            SchemaEntity.Type type = entity == null ? null : SchemaEntity.Type.fromWireName(entity.entityType());
            if (type == null || entity.entityPath() == null) {
                throw RegistryException.withMessage(
                        ErrorCode.INVALID_SCHEMA,
                        "Invalid schema tags: schemaEntity needs an entityPath and an entityType of sr_record or sr_field");
            }
            List<String> names = body.tags() == null
                    ? List.of()
                    : body.tags().stream().filter(Objects::nonNull).toList();
            tags.add(new SchemaTags(new SchemaEntity(entity.entityPath(), type), names));
        }
        return tags;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    private record TagSchemaBody(
            Integer newVersion,
            List<TagsBody> tagsToAdd,
            List<TagsBody> tagsToRemove,
            JsonNode metadata,
            JsonNode ruleSet,
            JsonNode rulesToMerge,
            List<String> rulesToRemove) {}

    /** The body of {@code POST /subjects/{s}/versions/{v}/tags}. */
    public static TagRequest tagRequest(byte[] body) throws IOException {
        TagSchemaBody parsed = read(body, TagSchemaBody.class);
        return new TagRequest(
                parsed.newVersion(),
                tags(parsed.tagsToAdd()),
                tags(parsed.tagsToRemove()),
                compact(parsed.metadata()),
                compact(parsed.ruleSet()),
                compact(parsed.rulesToMerge()),
                parsed.rulesToRemove());
    }

    /** The body of {@code PUT /config} and {@code PUT /config/{subject}}. */
    public static ConfigBody config(byte[] body) throws IOException {
        return read(body, ConfigBody.class);
    }

    /** The body of {@code PUT /mode} and {@code PUT /mode/{subject}}. */
    public static ModeBody mode(byte[] body) throws IOException {
        return read(body, ModeBody.class);
    }

    private static <T> T read(byte[] body, Class<T> type) throws IOException {
        return read(body, type, Map.of());
    }

    /**
     * A body of {@code type}: 422 when there is none, 400 with Jackson's message when it has the wrong shape (the types
     * of {@code more} named as the Confluent types given), Jackson's {@link IOException} when it is not JSON.
     */
    static <T> T read(byte[] body, Class<T> type, Map<Class<?>, String> more) throws IOException {
        if (body == null || body.length == 0) {
            throw RegistryException.withMessage(ErrorCode.UNPROCESSABLE, "Request body is missing");
        }
        T parsed;
        try {
            parsed = READERS.get(type).readValue(body);
        } catch (JsonMappingException e) {
            throw RegistryException.withMessage(ErrorCode.BAD_REQUEST, mismatch(e, more));
        }
        if (parsed == null) {
            throw RegistryException.withMessage(ErrorCode.UNPROCESSABLE, "Request body is missing");
        }
        return parsed;
    }

    /**
     * Jackson's message as Confluent's mapper answers it: without the source location, cut before
     * {@code (for Object starting at}, and with each of Castle's body types, and each of {@code more}, named as the
     * Confluent type it stands for.
     */
    static String mismatch(JsonMappingException error, Map<Class<?>, String> more) {
        String message = error.getOriginalMessage();
        if (message == null) {
            return "Bad Request";
        }
        int cut = message.indexOf("(for Object starting at");
        String kept = (cut >= 0 ? message.substring(0, cut) : message).trim();
        for (Map.Entry<Class<?>, String> type : CONFLUENT_TYPES.entrySet()) {
            kept = kept.replace(type.getKey().getName(), type.getValue());
        }
        for (Map.Entry<Class<?>, String> type : more.entrySet()) {
            kept = kept.replace(type.getKey().getName(), type.getValue());
        }
        return kept;
    }

    private static SchemaReference reference(ReferenceBody ref) {
        if (ref == null || ref.name() == null || ref.subject() == null) {
            throw RegistryException.withMessage(
                    ErrorCode.INVALID_SCHEMA, "Invalid reference: name and subject are required");
        }
        return new SchemaReference(ref.name(), ref.subject(), ref.version() == null ? -1 : ref.version());
    }

    private static String compact(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }
}
