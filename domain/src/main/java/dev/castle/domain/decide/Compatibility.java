package dev.castle.domain.decide;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaVersion;
import dev.castle.domain.format.CompatibilityChecker;
import dev.castle.domain.format.ParsedSchema;
import dev.castle.domain.json.Jackson;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Compatibility of a candidate with a subject's versions under the level in scope (spec §7.1, §7.4). */
final class Compatibility {
    private final Scopes scopes;
    private final SchemaResolver resolver;

    Compatibility(Scopes scopes, SchemaResolver resolver) {
        this.scopes = scopes;
        this.resolver = resolver;
    }

    /** Throws 409 with Confluent's details unless the candidate is compatible with {@code live}. */
    void require(RegistryView view, String subject, ParsedSchema candidate, String metadata, List<SchemaVersion> live) {
        List<String> messages = messages(view, subject, candidate, metadata, live);
        if (!messages.isEmpty()) {
            throw new RegistryException(ErrorCode.INCOMPATIBLE_SCHEMA, subject, messages.toString());
        }
    }

    /** Confluent's messages for the candidate against {@code previous} (chronological); empty when compatible. */
    List<String> messages(
            RegistryView view, String subject, ParsedSchema candidate, String metadata, List<SchemaVersion> previous) {
        CompatibilityLevel level = scopes.compatibility(view, subject);
        String group = scopes.configRecord(view, subject)
                .map(ConfigValue::compatibilityGroup)
                .orElse(null);
        List<CompatibilityChecker.Previous> compared = previous.stream()
                .filter(v ->
                        group == null || Objects.equals(groupValue(metadata, group), groupValue(v.metadata(), group)))
                .map(v -> new CompatibilityChecker.Previous(
                        v.version(), v.schemaType(), () -> resolver.parseStored(view, v)))
                .toList();
        boolean validateFields = scopes.validateFields(view, subject);
        List<String> messages = CompatibilityChecker.check(level, candidate, compared, validateFields);
        if (!validateFields) {
            return messages;
        }
        String previousMetadata =
                previous.isEmpty() ? null : previous.get(previous.size() - 1).metadata();
        List<String> reserved = ReservedFields.violations(candidate, metadata, previousMetadata);
        if (reserved.isEmpty()) {
            return messages;
        }
        List<String> all = new ArrayList<>(reserved);
        all.addAll(messages.isEmpty() ? List.of(CompatibilityChecker.summary(level, true)) : messages);
        return all;
    }

    private static String groupValue(String metadata, String group) {
        if (metadata == null) {
            return null;
        }
        JsonNode value = Jackson.stored(metadata).path("properties").path(group);
        return value.isTextual() ? value.asText() : null;
    }
}
