package dev.castle.serdes.kafka;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.serdes.SchemaRegistryPort;
import dev.castle.serdes.WireFormat;
import dev.castle.serdes.internals.JsonSchemaCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads JSON values in Confluent's wire format: as a {@link JsonNode}, or mapped with Jackson onto the class given in
 * code or by {@code json.value.type} ({@code json.key.type} for keys). With {@code json.fail.invalid.schema} (the
 * default) the value is validated against the schema its id names first.
 */
public class CastleJsonSchemaDeserializer<T> implements Deserializer<T>, RegistrySerde.Part {
    private final SchemaRegistryPort given;
    private final Class<T> givenType;
    private final ObjectMapper mapper;
    private ParsedSchemas schemas;
    private Class<?> type;
    private boolean validate;

    /** A deserializer whose registry and target class are named by its configuration. */
    public CastleJsonSchemaDeserializer() {
        this(null, null);
    }

    /** A value deserializer using {@code registry} that reads into {@code type} (null: {@link JsonNode}). */
    public CastleJsonSchemaDeserializer(SchemaRegistryPort registry, Class<T> type) {
        this.given = registry;
        this.givenType = type;
        this.mapper = new ObjectMapper();
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
        SerdeConfig config = new SerdeConfig(configs, isKey);
        this.schemas = new ParsedSchemas(registry);
        this.type = givenType != null ? givenType : config.jsonType();
        this.validate = config.jsonFailInvalidSchema();
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, config.jsonFailUnknownProperties());
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        if (schemas == null) {
            throw new IllegalStateException("CastleJsonSchemaDeserializer used before configure()");
        }
        WireFormat.Framed framed = ParsedSchemas.frame(bytes);
        JsonSchemaCodec codec = schemas.byId(framed.schemaId(), JsonSchemaCodec.class);
        ByteBuffer payload = framed.payload();
        try {
            JsonNode tree =
                    mapper.readTree(payload.array(), payload.arrayOffset() + payload.position(), payload.remaining());
            if (validate) {
                List<String> violations = codec.violations(tree);
                if (!violations.isEmpty()) {
                    throw new SerializationException("The value does not match JSON Schema " + framed.schemaId() + ": "
                            + String.join("; ", violations));
                }
            }
            return (T) (type == null || type == JsonNode.class ? tree : mapper.treeToValue(tree, type));
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("Could not read the JSON value: " + e.getMessage(), e);
        }
    }
}
