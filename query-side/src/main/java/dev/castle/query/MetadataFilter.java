package dev.castle.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.json.Jackson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The key/value pairs of {@code GET /subjects/{s}/metadata} (spec §2.3): a version matches when its metadata has
 * properties holding every pair. Keys pair with values by position; surplus keys or values are ignored, as Confluent
 * does.
 */
record MetadataFilter(Map<String, String> pairs) {

    static MetadataFilter of(List<String> keys, List<String> values) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(keys.size(), values.size()); i++) {
            pairs.put(keys.get(i), values.get(i));
        }
        return new MetadataFilter(Map.copyOf(pairs));
    }

    boolean matches(SchemaVersion version) {
        JsonNode properties = properties(version.metadata());
        if (properties == null || !properties.isObject()) {
            return false;
        }
        return pairs.entrySet().stream().allMatch(pair -> {
            JsonNode value = properties.get(pair.getKey());
            return value != null && value.isTextual() && value.asText().equals(pair.getValue());
        });
    }

    private static JsonNode properties(String metadata) {
        if (metadata == null) {
            return null;
        }
        try {
            return Jackson.MAPPER.readTree(metadata).get("properties");
        } catch (JsonProcessingException e) {
            // stored metadata the fold accepted but that is not JSON holds no properties
            return null;
        }
    }
}
