package dev.castle.server.backup;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Everything a Confluent-compatible registry shows of its subjects through its REST API: every version, soft-deleted
 * ones included ({@code ?deleted=true}), and which of them are soft-deleted (those missing from the plain listing).
 */
final class SourceRegistry {
    private SourceRegistry() {}

    /** One subject-version as {@code GET /subjects/{s}/versions/{v}?deleted=true} shows it. */
    record Version(String subject, int version, int id, JsonNode body, boolean deleted) {
        List<Reference> references() {
            List<Reference> references = new ArrayList<>();
            body.path("references")
                    .forEach(reference -> references.add(new Reference(
                            reference.path("subject").asText(),
                            reference.path("version").asInt())));
            return references;
        }
    }

    record Reference(String subject, int version) {}

    static List<String> subjects(RegistryClient registry) {
        List<String> subjects = new ArrayList<>();
        registry.get("/subjects?deleted=true").forEach(subject -> subjects.add(subject.asText()));
        return subjects;
    }

    /** Every version of every subject, in the order the registry lists them. */
    static List<Version> versions(RegistryClient registry, Progress progress) {
        List<Version> versions = new ArrayList<>();
        for (String subject : subjects(registry)) {
            String path = "/subjects/" + RegistryClient.segment(subject) + "/versions";
            Set<Integer> live = new HashSet<>();
            registry.find(path).ifPresent(list -> list.forEach(version -> live.add(version.asInt())));
            Optional<JsonNode> all = registry.find(path + "?deleted=true");
            for (JsonNode version : all.orElseGet(() -> registry.get(path))) {
                int number = version.asInt();
                JsonNode body = registry.get(path + "/" + number + "?deleted=true");
                versions.add(new Version(subject, number, body.path("id").asInt(), body, !live.contains(number)));
                progress.advance(1);
            }
        }
        return versions;
    }

    /** A subject's own config ({@code GET /config/{s}} without falling back to the global one), if it has one. */
    static Optional<JsonNode> subjectConfig(RegistryClient registry, String subject) {
        return registry.find("/config/" + RegistryClient.segment(subject) + "?defaultToGlobal=false")
                .filter(JsonNode::isObject);
    }

    /** A subject's own mode, if it has one other than READWRITE (Karapace answers the global mode for any subject). */
    static Optional<String> subjectMode(RegistryClient registry, String subject) {
        return registry.find("/mode/" + RegistryClient.segment(subject) + "?defaultToGlobal=false")
                .map(mode -> mode.path("mode").asText())
                .filter(mode -> !mode.isEmpty() && !"READWRITE".equals(mode));
    }
}
