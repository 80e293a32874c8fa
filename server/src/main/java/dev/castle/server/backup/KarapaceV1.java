package dev.castle.server.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Karapace's v1 backup: one JSON array of {@code [key, value]} pairs, each a JSON object (the record's JSON),
 * {@code null}, or a string holding the record's text (the string {@code "null"} standing for null, as Karapace reads
 * it). Objects become compact JSON in their own property order.
 */
final class KarapaceV1 {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private KarapaceV1() {}

    static List<BackupRecord> parse(byte[] file) {
        JsonNode root;
        try {
            root = JSON.readTree(file);
        } catch (IOException e) {
            throw new BackupException(
                    "Not a Karapace v1 backup (a JSON array of [key, value] pairs): " + e.getMessage());
        }
        List<BackupRecord> records = new ArrayList<>();
        if (root == null || root.isNull()) {
            return records;
        }
        if (!root.isArray()) {
            throw new BackupException("Not a Karapace v1 backup: it is not a JSON array");
        }
        for (JsonNode pair : root) {
            if (!pair.isArray() || pair.size() != 2) {
                throw new BackupException("Item " + records.size() + " of the Karapace v1 backup is not a [key, value]"
                        + " pair: " + pair);
            }
            records.add(new BackupRecord(bytes(pair.get(0)), bytes(pair.get(1))));
        }
        return records;
    }

    private static byte[] bytes(JsonNode node) {
        if (node.isNull() || (node.isTextual() && "null".equals(node.textValue()))) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return JSON.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new BackupException("Cannot write " + node + " as JSON", e);
        }
    }
}
