package dev.castle.rest.produce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.rest.http.RestException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A produce request's body (spec kafka-rest-api §3.4), its shape checked: exactly the five top-level keys, a non-empty
 * {@code records} array of objects with {@code key}, {@code value} and {@code partition} only.
 *
 * @param keySchema inline key schema text, or null
 * @param keySchemaId registered key schema id, or null
 * @param valueSchema inline value schema text, or null
 * @param valueSchemaId registered value schema id, or null
 */
public record ProduceRequest(
        String keySchema, Integer keySchemaId, String valueSchema, Integer valueSchemaId, List<Record> records) {

    private static final Set<String> TOP_LEVEL =
            Set.of("records", "key_schema", "key_schema_id", "value_schema", "value_schema_id");
    private static final Set<String> RECORD_KEYS = Set.of("key", "value", "partition");

    /** One record: key and value as sent (null when absent or JSON null), the partition it names or null. */
    public record Record(JsonNode key, JsonNode value, Integer partition) {}

    public static ProduceRequest parse(ObjectNode body) {
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            if (!TOP_LEVEL.contains(names.next())) {
                throw invalidFormat();
            }
        }
        JsonNode records = body.get("records");
        if (records == null || records.isNull()) {
            throw invalidFormat();
        }
        if (!records.isArray()) {
            throw RestException.of(400, "'records' must be an array");
        }
        if (records.isEmpty()) {
            throw invalidFormat();
        }
        List<Record> parsed = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            parsed.add(record(record));
        }
        return new ProduceRequest(
                text(body, "key_schema"),
                integer(body, "key_schema_id"),
                text(body, "value_schema"),
                integer(body, "value_schema_id"),
                List.copyOf(parsed));
    }

    private static Record record(JsonNode record) {
        if (!record.isObject()) {
            throw RestException.of(400, "Produce record must be an object");
        }
        Iterator<String> names = record.fieldNames();
        while (names.hasNext()) {
            if (!RECORD_KEYS.contains(names.next())) {
                throw invalidFormat();
            }
        }
        return new Record(present(record.get("key")), present(record.get("value")), integer(record, "partition"));
    }

    /** Whether some record has a key (or a value) to write with a schema. */
    public boolean hasKeys() {
        return records.stream().anyMatch(r -> r.key() != null);
    }

    public boolean hasValues() {
        return records.stream().anyMatch(r -> r.value() != null);
    }

    private static JsonNode present(JsonNode node) {
        return node == null || node.isNull() ? null : node;
    }

    private static String text(ObjectNode body, String key) {
        JsonNode node = present(body.get(key));
        if (node == null) {
            return null;
        }
        return node.isTextual() ? node.textValue() : node.toString();
    }

    /** An int, or a string holding one (Karapace converts both); anything else is refused with 422. */
    static Integer integer(JsonNode body, String key) {
        JsonNode node = present(body.get(key));
        if (node == null) {
            return null;
        }
        if (node.isInt()) {
            return node.intValue();
        }
        Optional<Integer> parsed = Optional.empty();
        if (node.isTextual()) {
            try {
                parsed = Optional.of(Integer.parseInt(node.textValue().trim()));
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        return parsed.orElseThrow(() -> RestException.of(422, key + " is not a valid int: " + node.asText()));
    }

    private static RestException invalidFormat() {
        return RestException.of(422, "Invalid request format");
    }
}
