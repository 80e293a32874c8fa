package dev.castle.serdes.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.domain.SchemaType;
import dev.castle.serdes.SchemaRegistryPort;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import dev.castle.serdes.SerdesException;
import dev.castle.serdes.WireFormat;
import dev.castle.serdes.internals.Codec;
import dev.castle.serdes.internals.JsonSchemaCodec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes Jackson-mapped values as UTF-8 JSON in Confluent's wire format. Unlike Confluent's serializer, which derives
 * a JSON Schema from the value's class, the schema is given: in code, or as the text of {@code json.value.schema}
 * ({@code json.key.schema} for keys); or, with {@code auto.register.schemas=false} and {@code use.latest.version},
 * taken from the subject's latest version. With {@code json.fail.invalid.schema} (the default) a value that does not
 * match its schema is refused before it is written. The record-name strategies use the schema's {@code title}.
 */
public class CastleJsonSchemaSerializer<T> implements Serializer<T>, RegistrySerde.Part {
    private final SchemaRegistryPort given;
    private final String givenSchema;
    private final ObjectMapper mapper;
    private SerdeConfig config;
    private SchemaIds ids;
    private ParsedSchemas parsed;
    private RegisteredSchema schema;
    private JsonSchemaCodec codec;

    /** A serializer whose registry and schema are named by its configuration. */
    public CastleJsonSchemaSerializer() {
        this(null, null, new ObjectMapper());
    }

    /** A value serializer using {@code registry}, its schema from {@code json.value.schema} once configured. */
    public CastleJsonSchemaSerializer(SchemaRegistryPort registry) {
        this(registry, null, new ObjectMapper());
    }

    /**
     * A value serializer using {@code registry} that writes with {@code schema} (JSON Schema text) and maps values to
     * JSON with {@code mapper}; {@link #configure} may follow.
     */
    public CastleJsonSchemaSerializer(SchemaRegistryPort registry, String schema, ObjectMapper mapper) {
        this.given = registry;
        this.givenSchema = schema;
        this.mapper = mapper;
        if (registry != null) {
            configure(Map.of(), false, registry);
        }
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        configure(configs, isKey, SchemaIds.registry(given, configs));
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey, SchemaRegistryPort registry) {
        this.config = new SerdeConfig(configs, isKey);
        this.ids = new SchemaIds(registry, config);
        this.parsed = new ParsedSchemas(registry);
        String text = givenSchema != null ? givenSchema : config.jsonSchema();
        this.schema = text == null ? null : RegisteredSchema.of(SchemaType.JSON, text);
        try {
            this.codec = schema == null ? null : (JsonSchemaCodec) Codec.parse(schema, Map.of());
        } catch (SerdesException e) {
            throw new SerializationException("The configured JSON Schema is invalid: " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] serialize(String topic, T value) {
        if (value == null) {
            return null;
        }
        if (config == null) {
            throw new IllegalStateException("CastleJsonSchemaSerializer used before configure()");
        }
        SchemaIds.Resolved resolved = resolve(topic);
        JsonSchemaCodec writer =
                resolved.schema().equals(schema) ? codec : parsed.byId(resolved.id(), JsonSchemaCodec.class);
        try {
            if (config.jsonFailInvalidSchema()) {
                List<String> violations = writer.violations(mapper.valueToTree(value));
                if (!violations.isEmpty()) {
                    throw new SerializationException("The value does not match JSON Schema " + resolved.id() + ": "
                            + String.join("; ", violations));
                }
            }
            return WireFormat.frame(resolved.id(), mapper.writeValueAsBytes(value));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SerializationException("Could not write the value as JSON: " + e.getMessage(), e);
        }
    }

    private SchemaIds.Resolved resolve(String topic) {
        Optional<String> title = codec == null ? Optional.empty() : codec.recordName();
        if (schema != null) {
            return ids.resolve(topic, schema, title);
        }
        if (!config.autoRegister() && config.useLatestVersion()) {
            return ids.latest(topic, title);
        }
        String key = config.isKey() ? SerdeConfig.JSON_KEY_SCHEMA : SerdeConfig.JSON_VALUE_SCHEMA;
        throw new SerializationException("No JSON Schema to write with: set " + key
                + ", give one in code, or set use.latest.version with auto.register.schemas=false");
    }
}
