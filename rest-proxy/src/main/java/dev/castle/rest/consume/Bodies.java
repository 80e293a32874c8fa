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

    /**
     * Confluent's {@code timestamps} of a seek: each partition with the time (epoch milliseconds, or an ISO-8601 instant
     * such as {@code 2026-12-06T10:00:00Z}) to move to the first record at or after.
     */
    static List<PartitionOffset> timestamps(JsonNode body) {
        List<PartitionOffset> timestamps = new ArrayList<>();
        for (JsonNode entry : list(body, "timestamps")) {
            JsonNode timestamp = required(entry, "timestamp");
            long millis = -1;
            if (timestamp.isIntegralNumber() && timestamp.canConvertToLong()) {
                millis = timestamp.longValue();
            } else if (timestamp.isTextual()) {
                millis = parseLong(timestamp.textValue());
                if (millis < 0) {
                    try {
                        millis = java.time.Instant.parse(timestamp.textValue().trim())
                                .toEpochMilli();
                    } catch (java.time.format.DateTimeParseException | ArithmeticException e) {
                        millis = -1;
                    }
                }
            }
            if (millis < 0) {
                throw RestException.of(422, "timestamp must be epoch milliseconds or an ISO-8601 instant");
            }
            timestamps.add(new PartitionOffset(partition(entry), millis));
        }
        return timestamps;
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
