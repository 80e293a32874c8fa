package dev.castle.domain.decide;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.SchemaFingerprint;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/** Response bodies shaped as Confluent's JSON (spec §2): records and ordered maps Jackson writes as they are. */
public final class Responses {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Responses() {}

    /** {@code {"id": n, "guid": "..."}}: the answer to a registration (the GUID is Confluent 8.x's). */
    @JsonPropertyOrder({"id", "guid"})
    public record RegisterResponse(int id, String guid) {
        public static RegisterResponse of(SchemaVersion version) {
            return new RegisterResponse(version.id(), SchemaFingerprint.guid(version));
        }
    }

    /**
     * The full Schema entity ({@code subject, version, id, guid, schemaType, references, metadata, ruleSet, schema}),
     * without the properties Confluent leaves out (AVRO type, no references, no metadata or rule set).
     */
    public static Map<String, Object> schema(SchemaVersion version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subject", version.subject());
        body.put("version", version.version());
        body.put("id", version.id());
        body.put("guid", SchemaFingerprint.guid(version));
        if (version.schemaType() != SchemaType.AVRO) {
            body.put("schemaType", version.schemaType().name());
        }
        if (!version.references().isEmpty()) {
            body.put("references", version.references());
        }
        putJson(body, "metadata", version.metadata());
        putJson(body, "ruleSet", version.ruleSet());
        body.put("schema", version.schema());
        return body;
    }

    /** {@code {"mode": "..."}}; a null mode stays as {@code "mode": null}. */
    public static Map<String, Object> mode(Object mode) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mode", mode == null ? null : mode.toString());
        return body;
    }

    /**
     * A config in request vocabulary ({@code compatibility}, as PUT echoes it) or in response vocabulary
     * ({@code compatibilityLevel}, as GET and DELETE answer), with Confluent's property order.
     */
    public static Map<String, Object> config(ConfigValue config, String levelName) {
        Map<String, Object> body = new LinkedHashMap<>();
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
        if (config.other() != null) {
            JsonNode other = parse(config.other());
            for (Iterator<Map.Entry<String, JsonNode>> it = other.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                body.putIfAbsent(entry.getKey(), entry.getValue());
            }
        }
        return body;
    }

    private static void putIfSet(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }

    private static void putJson(Map<String, Object> body, String key, String json) {
        if (json != null) {
            body.put(key, parse(json));
        }
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored JSON is not valid: " + json, e);
        }
    }
}
