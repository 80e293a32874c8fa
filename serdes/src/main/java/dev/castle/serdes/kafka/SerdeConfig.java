package dev.castle.serdes.kafka;

import java.util.Map;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The keys the serializers and deserializers read, with Confluent's names and defaults; each key sits next to its
 * documentation. Keys of the registry client ({@code schema.registry.url}, {@code basic.auth.*}, …) are described in
 * {@link dev.castle.serdes.client.RegistryClientConfig}; unknown keys are ignored, so a producer's or consumer's whole
 * configuration may be handed over.
 */
public final class SerdeConfig extends AbstractConfig {

    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    private static final String SCHEMA_REGISTRY_URL_DOC =
            "Comma-separated URLs of the schema registry; the next is tried when one cannot be reached.";

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    private static final String AUTO_REGISTER_SCHEMAS_DOC =
            "Register the schema of each value under its subject (idempotent). When false, the schema must already"
                    + " be registered, or use.latest.version must be set.";

    public static final String USE_LATEST_VERSION = "use.latest.version";
    private static final String USE_LATEST_VERSION_DOC =
            "With auto.register.schemas=false, write with the subject's latest version instead of the value's own"
                    + " schema.";

    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    private static final String LATEST_COMPATIBILITY_STRICT_DOC =
            "With use.latest.version, refuse an Avro value whose schema the latest version cannot read.";

    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    private static final String SUBJECT_NAME_STRATEGY_DOC = "How the subject is named: TopicNameStrategy (the"
            + " default), RecordNameStrategy or TopicRecordNameStrategy, by short name or Confluent's class name, or"
            + " the name of a class implementing dev.castle.serdes.kafka.SubjectNameStrategy.";

    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    private static final String SPECIFIC_AVRO_READER_DOC =
            "Read Avro records as the generated SpecificRecord classes their schemas name, not as GenericRecord.";

    public static final String JSON_FAIL_INVALID_SCHEMA = "json.fail.invalid.schema";
    private static final String JSON_FAIL_INVALID_SCHEMA_DOC =
            "Validate JSON values against their schema when writing and reading, and fail when they do not match.";

    public static final String JSON_FAIL_UNKNOWN_PROPERTIES = "json.fail.unknown.properties";
    private static final String JSON_FAIL_UNKNOWN_PROPERTIES_DOC =
            "Fail when JSON read into json.value.type has a property the class does not know.";

    public static final String JSON_KEY_TYPE = "json.key.type";
    public static final String JSON_VALUE_TYPE = "json.value.type";
    private static final String JSON_TYPE_DOC =
            "The class JSON values are read into with Jackson; JsonNode when not set.";

    public static final String JSON_KEY_SCHEMA = "json.key.schema";
    public static final String JSON_VALUE_SCHEMA = "json.value.schema";
    private static final String JSON_SCHEMA_DOC = "Castle only: the JSON Schema text values are written with."
            + " Required unless the serializer is given a schema in code or use.latest.version is set.";

    public static final String SPECIFIC_PROTOBUF_KEY_TYPE = "specific.protobuf.key.type";
    public static final String SPECIFIC_PROTOBUF_VALUE_TYPE = "specific.protobuf.value.type";
    private static final String SPECIFIC_PROTOBUF_TYPE_DOC =
            "The generated Protobuf message class to read into; DynamicMessage when not set.";

    private static final ConfigDef DEFINITION = new ConfigDef()
            .define(SCHEMA_REGISTRY_URL, Type.LIST, null, Importance.HIGH, SCHEMA_REGISTRY_URL_DOC)
            .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM, AUTO_REGISTER_SCHEMAS_DOC)
            .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW, USE_LATEST_VERSION_DOC)
            .define(LATEST_COMPATIBILITY_STRICT, Type.BOOLEAN, true, Importance.LOW, LATEST_COMPATIBILITY_STRICT_DOC)
            .define(
                    KEY_SUBJECT_NAME_STRATEGY,
                    Type.STRING,
                    "TopicNameStrategy",
                    Importance.MEDIUM,
                    SUBJECT_NAME_STRATEGY_DOC)
            .define(
                    VALUE_SUBJECT_NAME_STRATEGY,
                    Type.STRING,
                    "TopicNameStrategy",
                    Importance.MEDIUM,
                    SUBJECT_NAME_STRATEGY_DOC)
            .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.LOW, SPECIFIC_AVRO_READER_DOC)
            .define(JSON_FAIL_INVALID_SCHEMA, Type.BOOLEAN, true, Importance.MEDIUM, JSON_FAIL_INVALID_SCHEMA_DOC)
            .define(JSON_FAIL_UNKNOWN_PROPERTIES, Type.BOOLEAN, true, Importance.LOW, JSON_FAIL_UNKNOWN_PROPERTIES_DOC)
            .define(JSON_KEY_TYPE, Type.CLASS, null, Importance.MEDIUM, JSON_TYPE_DOC)
            .define(JSON_VALUE_TYPE, Type.CLASS, null, Importance.MEDIUM, JSON_TYPE_DOC)
            .define(JSON_KEY_SCHEMA, Type.STRING, null, Importance.MEDIUM, JSON_SCHEMA_DOC)
            .define(JSON_VALUE_SCHEMA, Type.STRING, null, Importance.MEDIUM, JSON_SCHEMA_DOC)
            .define(SPECIFIC_PROTOBUF_KEY_TYPE, Type.CLASS, null, Importance.MEDIUM, SPECIFIC_PROTOBUF_TYPE_DOC)
            .define(SPECIFIC_PROTOBUF_VALUE_TYPE, Type.CLASS, null, Importance.MEDIUM, SPECIFIC_PROTOBUF_TYPE_DOC);

    private final boolean isKey;

    public SerdeConfig(Map<String, ?> configs, boolean isKey) {
        super(DEFINITION, configs, false);
        this.isKey = isKey;
    }

    /** The keys and their documentation, for tools that print them. */
    public static ConfigDef definition() {
        return new ConfigDef(DEFINITION);
    }

    public boolean isKey() {
        return isKey;
    }

    public boolean autoRegister() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    public boolean latestCompatibilityStrict() {
        return getBoolean(LATEST_COMPATIBILITY_STRICT);
    }

    /** The strategy of the key or the value, whichever this configuration is for. */
    public SubjectNameStrategy subjectNameStrategy() {
        String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        return SubjectNameStrategy.named(key, getString(key));
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    public boolean jsonFailInvalidSchema() {
        return getBoolean(JSON_FAIL_INVALID_SCHEMA);
    }

    public boolean jsonFailUnknownProperties() {
        return getBoolean(JSON_FAIL_UNKNOWN_PROPERTIES);
    }

    /** {@code json.key.type} or {@code json.value.type}; null when not set. */
    public Class<?> jsonType() {
        return getClass(isKey ? JSON_KEY_TYPE : JSON_VALUE_TYPE);
    }

    /** {@code json.key.schema} or {@code json.value.schema}; null when not set. */
    public String jsonSchema() {
        return getString(isKey ? JSON_KEY_SCHEMA : JSON_VALUE_SCHEMA);
    }

    /** {@code specific.protobuf.key.type} or {@code specific.protobuf.value.type}; null when not set. */
    public Class<?> specificProtobufType() {
        return getClass(isKey ? SPECIFIC_PROTOBUF_KEY_TYPE : SPECIFIC_PROTOBUF_VALUE_TYPE);
    }
}
