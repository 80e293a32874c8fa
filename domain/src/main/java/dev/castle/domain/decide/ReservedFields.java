package dev.castle.domain.decide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.json.Jackson;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reserved fields (Confluent 7.4+, on when {@code validateFields} is): the comma-separated names of the metadata
 * property {@code confluent:reserved} may not be dropped from the latest version's list nor used as top-level fields.
 */
final class ReservedFields {
    static final String RESERVED = "confluent:reserved";

    private ReservedFields() {}

    /** Confluent's messages for each violation, removed names first; empty when there is none. */
    static List<String> violations(ParsedSchema candidate, String metadata, String previousMetadata) {
        Set<String> reserved = names(metadata);
        List<String> messages = new ArrayList<>();
        if (previousMetadata != null) {
            for (String name : names(previousMetadata)) {
                if (!reserved.contains(name)) {
                    messages.add("The new schema has reserved field " + name
                            + " removed from its metadata which is present in the old schema's metadata.");
                }
            }
        }
        for (String name : reserved) {
            if (candidate.hasTopLevelField(name)) {
                messages.add("The new schema has field that conflicts with the reserved field " + name + ".");
            }
        }
        return messages;
    }

    private static Set<String> names(String metadata) {
        Set<String> names = new TreeSet<>();
        if (metadata == null) {
            return names;
        }
        JsonNode value = Jackson.stored(metadata).path("properties").path(RESERVED);
        if (value.isTextual()) {
            for (String name : value.asText().split(",")) {
                if (!name.trim().isEmpty()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }
}
