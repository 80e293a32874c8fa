package dev.castle.topology;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.Association;
import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Event;
import dev.castle.domain.Mode;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads a {@code _schemas} record into an {@link Event}; see {@link SchemasCodec}. */
final class SchemasDecoder {
    private static final Logger log = LoggerFactory.getLogger(SchemasDecoder.class);
    private static final Set<String> CONFIG_FIELDS = Set.of(
            "subject",
            "alias",
            "normalize",
            "validateFields",
            "validateRules",
            "compatibilityLevel",
            "compatibilityGroup");

    private SchemasDecoder() {}

    /** A record that cannot be read; the message says why. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static Event decode(byte[] key, byte[] value, long offset, long timestamp) {
        try {
            return read(key, value, timestamp);
        } catch (RuntimeException e) {
            log.warn("Skipped _schemas record at offset {}: {}", offset, e.getMessage());
            return null;
        }
    }

    private static Event read(byte[] key, byte[] value, long timestamp) {
        if (key == null || key.length == 0) {
            throw new Malformed("empty key");
        }
        JsonNode keyNode = parse(key, "key");
        int magic = keyNode.path("magic").asInt(0);
        if (!keyNode.path("magic").isMissingNode() && !keyNode.path("magic").isInt() || magic < 0 || magic > 1) {
            throw new Malformed("unsupported magic " + keyNode.get("magic") + " in key " + keyNode);
        }
        if (value != null && value.length == 0) {
            throw new Malformed("empty value for key " + keyNode);
        }
        JsonNode valueNode = value == null ? null : parse(value, "value");
        String keytype = keyNode.path("keytype").asText("");
        return switch (keytype) {
            case "SCHEMA" -> schema(keyNode, valueNode);
            case "CONFIG" -> valueNode == null
                    ? new Event.ConfigCleared(optionalText(keyNode, "subject"))
                    : new Event.ConfigSet(optionalText(keyNode, "subject"), config(valueNode));
            case "MODE" -> valueNode == null
                    ? new Event.ModeCleared(optionalText(keyNode, "subject"))
                    : new Event.ModeSet(optionalText(keyNode, "subject"), Mode.fromName(text(valueNode, "mode")));
            case "DELETE_SUBJECT" -> new Event.SubjectDeleted(
                    text(keyNode, "subject"), integer(required(valueNode, keyNode), "version"));
            case "CLEAR_SUBJECT" -> {
                required(valueNode, keyNode);
                yield new Event.SubjectCleared(text(keyNode, "subject"));
            }
            case "CONTEXT" -> {
                String tenant = keyNode.path("tenant").asText(Association.DEFAULT_TENANT);
                String context = text(keyNode, "context");
                yield valueNode == null
                        ? new Event.ContextDeleted(tenant, context)
                        : new Event.ContextAdded(tenant, context);
            }
            case "ASSOC" -> valueNode == null
                    ? new Event.AssociationTombstoned(AssociationRecords.key(keyNode))
                    : new Event.AssociationUpserted(AssociationRecords.value(valueNode, timestamp));
            case "NOOP" -> new Event.Noop();
            default -> throw new Malformed("unknown keytype in key " + keyNode);
        };
    }

    private static Event schema(JsonNode key, JsonNode value) {
        String subject = text(key, "subject");
        int version = integer(key, "version");
        if (value == null) {
            return new Event.SchemaTombstoned(subject, version);
        }
        SchemaVersion schema = new SchemaVersion(
                subject,
                version,
                integer(value, "id"),
                SchemaType.fromName(optionalText(value, "schemaType")),
                text(value, "schema"),
                references(value.get("references")),
                raw(value.get("metadata")),
                raw(value.get("ruleSet")),
                value.path("deleted").asBoolean(false));
        return new Event.SchemaUpserted(schema);
    }

    private static List<SchemaReference> references(JsonNode array) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        if (!array.isArray()) {
            throw new Malformed("references is not an array: " + array);
        }
        List<SchemaReference> references = new ArrayList<>(array.size());
        for (JsonNode reference : array) {
            references.add(new SchemaReference(
                    text(reference, "name"), text(reference, "subject"), integer(reference, "version")));
        }
        return references;
    }

    private static ConfigValue config(JsonNode value) {
        String level = optionalText(value, "compatibilityLevel");
        ObjectNode other = SchemasCodec.MAPPER.createObjectNode();
        value.fields().forEachRemaining(field -> {
            if (!CONFIG_FIELDS.contains(field.getKey())) {
                other.set(field.getKey(), field.getValue());
            }
        });
        return new ConfigValue(
                optionalText(value, "alias"),
                bool(value, "normalize"),
                bool(value, "validateFields"),
                bool(value, "validateRules"),
                level == null ? null : CompatibilityLevel.fromName(level),
                optionalText(value, "compatibilityGroup"),
                other.isEmpty() ? null : other.toString());
    }

    private static JsonNode parse(byte[] bytes, String part) {
        JsonNode node;
        try {
            node = SchemasCodec.RECORD_READER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new Malformed("invalid JSON in " + part + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Malformed("unreadable " + part + ": " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new Malformed(part + " is not a JSON object");
        }
        return node;
    }

    private static JsonNode required(JsonNode value, JsonNode key) {
        if (value == null) {
            throw new Malformed("null value for key " + key);
        }
        return value;
    }

    static String text(JsonNode node, String field) {
        String text = optionalText(node, field);
        if (text == null) {
            throw new Malformed("missing " + field + " in " + node);
        }
        return text;
    }

    static String optionalText(JsonNode node, String field) {
        JsonNode child = node.get(field);
        if (child == null || child.isNull()) {
            return null;
        }
        if (!child.isTextual()) {
            throw new Malformed(field + " is not a string in " + node);
        }
        return child.textValue();
    }

    private static int integer(JsonNode node, String field) {
        JsonNode child = node.get(field);
        if (child == null || !child.canConvertToInt() || !child.isIntegralNumber()) {
            throw new Malformed("missing or invalid " + field + " in " + node);
        }
        return child.intValue();
    }

    private static Boolean bool(JsonNode node, String field) {
        JsonNode child = node.get(field);
        return child == null || child.isNull() ? null : child.asBoolean();
    }

    private static String raw(JsonNode node) {
        return node == null || node.isNull() ? null : node.toString();
    }
}
