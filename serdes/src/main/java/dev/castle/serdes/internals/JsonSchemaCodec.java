package dev.castle.serdes.internals;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion.VersionFlag;
import com.networknt.schema.SpecVersionDetector;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.DisallowSchemaLoader;
import dev.castle.domain.SchemaType;
import dev.castle.serdes.SerdesException;
import dev.castle.serdes.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JSON Schema: values are validated with networknt's validator (the one the registry uses for meta-schemas) and
 * written as compact UTF-8 JSON. A schema's {@code $ref}s to other documents are served from its references only;
 * nothing is ever fetched over the network. Formats are annotations, not assertions, as in Karapace.
 */
public final class JsonSchemaCodec implements Codec {
    /** Where a schema without {@code $id} lives, so that relative {@code $ref}s have a base to resolve against. */
    private static final String BASE = "https://castle.invalid/schemas/schema.json";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    /** Locations in messages as JSON paths ({@code $.age}), which read better in an error than JSON pointers. */
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .formatAssertionsEnabled(false)
            .pathType(PathType.JSON_PATH)
            .build();

    private final JsonNode root;
    private final JsonSchema validator;

    private JsonSchemaCodec(JsonNode root, JsonSchema validator) {
        this.root = root;
        this.validator = validator;
    }

    static JsonSchemaCodec parse(String text, Map<String, String> references) {
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw invalid("Invalid JSON: " + e.getOriginalMessage(), e);
        }
        try {
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(
                    draft(root),
                    builder -> builder.schemaLoaders(loaders ->
                            loaders.schemas(iri -> lookUp(iri, references)).add(DisallowSchemaLoader.getInstance())));
            JsonSchema validator = factory.getSchema(SchemaLocation.of(BASE), root, CONFIG);
            validator.initializeValidators();
            return new JsonSchemaCodec(root, validator);
        } catch (RuntimeException e) {
            throw invalid("Invalid JSON Schema: " + e.getMessage(), e);
        }
    }

    private static SerdesException invalid(String message, Throwable cause) {
        return new SerdesException(SerdesException.Kind.INVALID_SCHEMA, message, cause);
    }

    /** The draft the schema declares with {@code $schema}; draft-07 when it declares none, as the registry does. */
    private static VersionFlag draft(JsonNode root) {
        if (!root.isObject()) {
            return VersionFlag.V7;
        }
        return SpecVersionDetector.detectOptionalVersion(root, false).orElse(VersionFlag.V7);
    }

    /** The referenced document an absolute IRI names: by its reference name, or a relative name resolved. */
    private static String lookUp(String iri, Map<String, String> references) {
        String text = references.get(iri);
        if (text != null) {
            return text;
        }
        for (Map.Entry<String, String> reference : references.entrySet()) {
            if (iri.endsWith("/" + reference.getKey())) {
                return reference.getValue();
            }
        }
        return null;
    }

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    /** The schema's {@code title}. */
    @Override
    public Optional<String> recordName() {
        JsonNode title = root.path("title");
        return title.isTextual() ? Optional.of(title.textValue()) : Optional.empty();
    }

    @Override
    public byte[] encode(int schemaId, JsonNode value) {
        JsonNode checked = value == null ? NullNode.getInstance() : value;
        List<String> violations = violations(checked);
        if (!violations.isEmpty()) {
            throw new SerdesException(SerdesException.Kind.DATA_MISMATCH, String.join("; ", violations));
        }
        try {
            return WireFormat.frame(schemaId, MAPPER.writeValueAsBytes(checked));
        } catch (JsonProcessingException e) {
            throw new SerdesException(SerdesException.Kind.DATA_MISMATCH, e.getOriginalMessage(), e);
        }
    }

    @Override
    public JsonNode decode(ByteBuffer payload) {
        JsonNode value;
        try {
            value = MAPPER.readTree(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
        } catch (IOException e) {
            throw badFrame("not JSON: " + e.getMessage(), e);
        }
        if (value == null || value.isMissingNode()) {
            throw badFrame("no JSON value", null);
        }
        List<String> violations = violations(value);
        if (!violations.isEmpty()) {
            throw badFrame("the value does not match its schema: " + String.join("; ", violations), null);
        }
        return value;
    }

    /** Why {@code value} does not match the schema, one message per violation, sorted; empty when it matches. */
    public List<String> violations(JsonNode value) {
        Set<ValidationMessage> messages;
        try {
            messages = validator.validate(value);
        } catch (RuntimeException e) {
            return List.of("the schema could not be applied: " + e.getMessage());
        }
        return messages.stream().map(ValidationMessage::getMessage).sorted().toList();
    }

    private static SerdesException badFrame(String why, Throwable cause) {
        return new SerdesException(
                SerdesException.Kind.BAD_FRAME, "The bytes are not JSON of their schema: " + why, cause);
    }
}
