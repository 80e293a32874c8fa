package dev.castle.rest.consume;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.rest.http.RestException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.TopicPartition;

/**
 * The parts of consumer request bodies: lists of partitions and offsets. A missing key is refused with 422 and
 * Karapace's text ({@code "partition missing from {...}"}); Karapace answers these with a 500, which Castle never
 * gives for a client's mistake.
 */
final class Bodies {
    private Bodies() {}

    /** A partition with an offset, as commit and seek bodies carry them. */
    record PartitionOffset(TopicPartition partition, long offset) {}

    static JsonNode required(JsonNode object, String key) {
        JsonNode value = object == null ? null : object.get(key);
        if (value == null || value.isNull()) {
            throw RestException.of(422, key + " missing from " + object);
        }
        return value;
    }

    static List<JsonNode> list(JsonNode object, String key) {
        JsonNode value = required(object, key);
        if (!value.isArray()) {
            throw RestException.of(422, key + " is expected to be a list");
        }
        List<JsonNode> items = new ArrayList<>();
        value.forEach(items::add);
        return items;
    }

    static TopicPartition partition(JsonNode entry) {
        JsonNode topic = required(entry, "topic");
        if (!topic.isTextual()) {
            throw RestException.of(422, "topic must be a string");
        }
        return new TopicPartition(topic.textValue(), integer(entry, "partition"));
    }

    static List<TopicPartition> partitions(JsonNode body) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (JsonNode entry : list(body, "partitions")) {
            partitions.add(partition(entry));
        }
        return partitions;
    }

    static List<PartitionOffset> offsets(JsonNode body) {
        List<PartitionOffset> offsets = new ArrayList<>();
        for (JsonNode entry : list(body, "offsets")) {
            JsonNode offset = required(entry, "offset");
            long value = offset.canConvertToLong() && offset.isIntegralNumber() ? offset.longValue() : -1;
            if (offset.isTextual()) {
                value = parseLong(offset.textValue());
            }
            if (value < 0) {
                throw RestException.of(422, "offset must be a positive number");
            }
            offsets.add(new PartitionOffset(partition(entry), value));
        }
        return offsets;
    }

    static int integer(JsonNode object, String key) {
        JsonNode value = required(object, key);
        if (value.isInt()) {
            return value.intValue();
        }
        if (value.isTextual()) {
            try {
                return Integer.parseInt(value.textValue().trim());
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw RestException.of(422, key + " is not a valid int: " + value.asText());
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
