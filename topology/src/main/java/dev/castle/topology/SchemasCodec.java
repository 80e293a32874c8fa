package dev.castle.topology;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.castle.domain.Association;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Event;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.json.Jackson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;

/**
 * Confluent's {@code _schemas} record format (spec §5.2–5.3) ⇄ {@link Event}. Writes the byte-exact CSR forms: keys
 * {@code keytype, subject|tenant+context, version, magic}; compact values in CSR's property order. Reads every variant
 * seen in the wild: any property order, unknown properties, Karapace's {@code "subject":null} global key, legacy
 * CONFIG/MODE values without a subject. {@link #decode} never throws: what it cannot read is logged and skipped.
 */
public final class SchemasCodec {
    static final ObjectMapper MAPPER = Jackson.MAPPER;
    /** A record's key or value is one JSON document: anything after it makes the record malformed. */
    static final ObjectReader RECORD_READER = MAPPER.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The event of a record, or null when the record is to be skipped (it was logged). */
    public Event decode(byte[] key, byte[] value) {
        return decode(key, value, -1);
    }

    /** As {@link #decode(byte[], byte[])}, naming the record's offset when it is logged as skipped. */
    public Event decode(byte[] key, byte[] value, long offset) {
        return SchemasDecoder.decode(key, value, offset, -1);
    }

    /** As {@link #decode(byte[], byte[], long)}, with the record's timestamp (ASSOC records keep it), -1 if unknown. */
    public Event decode(byte[] key, byte[] value, long offset, long timestamp) {
        return SchemasDecoder.decode(key, value, offset, timestamp);
    }

    /** The record key; every event has one. */
    public byte[] encodeKey(Event event) {
        return write(json -> writeKey(json, event));
    }

    /** The record value, or null for tombstones and NOOP. */
    public byte[] encodeValue(Event event) {
        if (event instanceof Event.SchemaUpserted upserted) {
            return write(json -> writeSchema(json, upserted.schema()));
        } else if (event instanceof Event.ConfigSet set) {
            return write(json -> writeConfig(json, set.subject(), set.config()));
        } else if (event instanceof Event.ModeSet set) {
            return write(json -> {
                writeOptional(json, "subject", set.subject());
                json.writeStringField("mode", set.mode().name());
            });
        } else if (event instanceof Event.SubjectDeleted deleted) {
            return write(json -> {
                json.writeStringField("subject", deleted.subject());
                json.writeNumberField("version", deleted.version());
            });
        } else if (event instanceof Event.SubjectCleared cleared) {
            return write(json -> json.writeStringField("subject", cleared.subject()));
        } else if (event instanceof Event.ContextAdded added) {
            return write(json -> writeContext(json, added.tenant(), added.context()));
        } else if (event instanceof Event.AssociationUpserted upserted) {
            return write(json -> AssociationRecords.writeValue(json, upserted.association()));
        }
        return null;
    }

    private static void writeKey(JsonGenerator json, Event event) throws IOException {
        if (event instanceof Event.SchemaUpserted upserted) {
            writeSchemaKey(json, upserted.schema().subject(), upserted.schema().version());
        } else if (event instanceof Event.SchemaTombstoned tombstoned) {
            writeSchemaKey(json, tombstoned.subject(), tombstoned.version());
        } else if (event instanceof Event.ConfigSet set) {
            writeSubjectKey(json, "CONFIG", set.subject());
        } else if (event instanceof Event.ConfigCleared cleared) {
            writeSubjectKey(json, "CONFIG", cleared.subject());
        } else if (event instanceof Event.ModeSet set) {
            writeSubjectKey(json, "MODE", set.subject());
        } else if (event instanceof Event.ModeCleared cleared) {
            writeSubjectKey(json, "MODE", cleared.subject());
        } else if (event instanceof Event.SubjectDeleted deleted) {
            writeSubjectKey(json, "DELETE_SUBJECT", deleted.subject());
        } else if (event instanceof Event.SubjectCleared cleared) {
            writeSubjectKey(json, "CLEAR_SUBJECT", cleared.subject());
        } else if (event instanceof Event.ContextAdded added) {
            writeContextKey(json, added.tenant(), added.context());
        } else if (event instanceof Event.ContextDeleted deleted) {
            writeContextKey(json, deleted.tenant(), deleted.context());
        } else if (event instanceof Event.AssociationUpserted upserted) {
            AssociationRecords.writeKey(json, upserted.association().key());
        } else if (event instanceof Event.AssociationTombstoned tombstoned) {
            AssociationRecords.writeKey(json, tombstoned.key());
        } else if (event instanceof Event.Noop) {
            writeSubjectKey(json, "NOOP", null);
        } else {
            throw new IllegalArgumentException("Unknown event " + event);
        }
    }

    private static void writeSchemaKey(JsonGenerator json, String subject, int version) throws IOException {
        json.writeStringField("keytype", "SCHEMA");
        json.writeStringField("subject", subject);
        json.writeNumberField("version", version);
        json.writeNumberField("magic", 1);
    }

    private static void writeSubjectKey(JsonGenerator json, String keytype, String subject) throws IOException {
        json.writeStringField("keytype", keytype);
        writeOptional(json, "subject", subject);
        json.writeNumberField("magic", 0);
    }

    private static void writeContextKey(JsonGenerator json, String tenant, String context) throws IOException {
        json.writeStringField("keytype", "CONTEXT");
        writeContext(json, tenant, context);
        json.writeNumberField("magic", 0);
    }

    private static void writeContext(JsonGenerator json, String tenant, String context) throws IOException {
        json.writeStringField("tenant", tenant == null ? Association.DEFAULT_TENANT : tenant);
        json.writeStringField("context", context);
    }

    private static void writeSchema(JsonGenerator json, SchemaVersion schema) throws IOException {
        json.writeStringField("subject", schema.subject());
        json.writeNumberField("version", schema.version());
        json.writeNumberField("id", schema.id());
        if (schema.schemaType() != SchemaType.AVRO) {
            json.writeStringField("schemaType", schema.schemaType().name());
        }
        if (!schema.references().isEmpty()) {
            json.writeArrayFieldStart("references");
            for (SchemaReference reference : schema.references()) {
                json.writeStartObject();
                json.writeStringField("name", reference.name());
                json.writeStringField("subject", reference.subject());
                json.writeNumberField("version", reference.version());
                json.writeEndObject();
            }
            json.writeEndArray();
        }
        writeRaw(json, "metadata", schema.metadata());
        writeRaw(json, "ruleSet", schema.ruleSet());
        json.writeStringField("schema", schema.schema());
        json.writeBooleanField("deleted", schema.deleted());
    }

    private static void writeConfig(JsonGenerator json, String subject, ConfigValue config) throws IOException {
        writeOptional(json, "subject", subject);
        writeOptional(json, "alias", config.alias());
        writeOptional(json, "normalize", config.normalize());
        writeOptional(json, "validateFields", config.validateFields());
        writeOptional(json, "validateRules", config.validateRules());
        if (config.compatibilityLevel() != null) {
            json.writeStringField(
                    "compatibilityLevel", config.compatibilityLevel().name());
        }
        writeOptional(json, "compatibilityGroup", config.compatibilityGroup());
        if (config.other() != null) {
            Iterator<Map.Entry<String, JsonNode>> fields =
                    MAPPER.readTree(config.other()).fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                json.writeFieldName(field.getKey());
                json.writeTree(field.getValue());
            }
        }
    }

    private static void writeOptional(JsonGenerator json, String name, String value) throws IOException {
        if (value != null) {
            json.writeStringField(name, value);
        }
    }

    private static void writeOptional(JsonGenerator json, String name, Boolean value) throws IOException {
        if (value != null) {
            json.writeBooleanField(name, value);
        }
    }

    private static void writeRaw(JsonGenerator json, String name, String rawJson) throws IOException {
        if (rawJson != null) {
            json.writeFieldName(name);
            json.writeRawValue(rawJson);
        }
    }

    private interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    private static byte[] write(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartObject();
            fields.write(json);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
