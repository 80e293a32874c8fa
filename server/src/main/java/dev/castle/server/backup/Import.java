package dev.castle.server.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.json.Jackson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code import}: copies every subject of a Confluent-compatible registry into Castle (or any registry with IMPORT
 * mode) through its REST API, keeping ids and versions: the target goes into IMPORT mode, every version (soft-deleted
 * ones too, which are then soft-deleted again) is registered with its id and version, referenced versions before
 * those that reference them, then subject configs and modes are copied and the target's mode is put back.
 */
public final class Import {
    private static final Logger log = LoggerFactory.getLogger(Import.class);
    private static final ObjectMapper JSON = Jackson.MAPPER;
    private static final Set<String> SCHEMA_FIELDS =
            Set.of("schema", "schemaType", "references", "metadata", "ruleSet");

    private Import() {}

    /** What an import copied. */
    public record Result(int versions, int subjects, int softDeleted, int configs, int modes) {}

    /** Copies {@code from} into {@code to}; {@code force} switches a non-empty target to IMPORT mode anyway. */
    public static Result copy(String from, String to, boolean force) {
        RegistryClient source = new RegistryClient(from);
        RegistryClient target = new RegistryClient(to);
        List<SourceRegistry.Version> versions;
        try (Progress progress = Progress.onConsole("reading " + source.url(), 0)) {
            versions = inDependencyOrder(SourceRegistry.versions(source, progress));
        }
        Set<String> subjects = new java.util.TreeSet<>();
        versions.forEach(version -> subjects.add(version.subject()));
        Map<String, Optional<String>> previousModes = new java.util.LinkedHashMap<>();
        try {
            for (String level : levels(subjects)) {
                previousModes.put(level, levelMode(target, level));
                importMode(target, level, force);
            }
            register(target, versions);
            int softDeleted = softDelete(target, versions);
            int configs = copyConfigs(source, target, subjects);
            int modes = copyModes(source, target, subjects);
            log.info("Imported {} versions of {} subjects from {} into {}", versions.size(), subjects.size(), from, to);
            return new Result(versions.size(), subjects.size(), softDeleted, configs, modes);
        } finally {
            previousModes.forEach((level, previous) -> restoreMode(target, level, previous));
        }
    }

    /**
     * The levels whose mode governs the subjects: the default context ({@code ""}) and each other context
     * ({@code :.ctx:}), since a context's subjects do not fall back to the default context's mode.
     */
    static Set<String> levels(Set<String> subjects) {
        Set<String> levels = new java.util.LinkedHashSet<>();
        levels.add("");
        for (String subject : subjects) {
            int end = subject.startsWith(":.") ? subject.indexOf(':', 2) : -1;
            if (end > 0) {
                levels.add(subject.substring(0, end + 1));
            }
        }
        return levels;
    }

    private static String modePath(String level) {
        return level.isEmpty() ? "/mode" : "/mode/" + RegistryClient.segment(level);
    }

    private static Optional<String> levelMode(RegistryClient target, String level) {
        String query = level.isEmpty() ? "" : "?defaultToGlobal=false";
        return target.find(modePath(level) + query)
                .map(mode -> mode.path("mode").asText("READWRITE"));
    }

    private static void importMode(RegistryClient target, String level, boolean force) {
        String path = modePath(level) + (force ? "?force=true" : "");
        RegistryClient.Answer answer = target.send("PUT", path, mode("IMPORT"));
        if (!answer.ok()) {
            throw new BackupException("The target " + target.url() + " refused IMPORT mode"
                    + (level.isEmpty() ? "" : " for the context " + level) + ": " + answer.body()
                    + (answer.status() == 422 && !force
                            ? ". Pass --force to import into a registry that has subjects"
                            : ""));
        }
    }

    private static void restoreMode(RegistryClient target, String level, Optional<String> previous) {
        if (previous.isPresent()) {
            target.write("PUT", modePath(level) + "?force=true", mode(previous.get()));
        } else {
            target.send("DELETE", modePath(level), null);
        }
    }

    /**
     * The versions ordered so that every referenced version comes before the versions referencing it; otherwise by
     * id, then subject and version, which is the order the source registered them in.
     */
    static List<SourceRegistry.Version> inDependencyOrder(List<SourceRegistry.Version> versions) {
        Map<SourceRegistry.Reference, SourceRegistry.Version> byKey = new HashMap<>();
        versions.forEach(
                version -> byKey.put(new SourceRegistry.Reference(version.subject(), version.version()), version));
        List<SourceRegistry.Version> sorted = new ArrayList<>(versions);
        sorted.sort(Comparator.comparingInt(SourceRegistry.Version::id)
                .thenComparing(SourceRegistry.Version::subject)
                .thenComparingInt(SourceRegistry.Version::version));
        List<SourceRegistry.Version> ordered = new ArrayList<>();
        Set<SourceRegistry.Reference> placed = new HashSet<>();
        for (SourceRegistry.Version version : sorted) {
            place(version, byKey, placed, new HashSet<>(), ordered);
        }
        return ordered;
    }

    private static void place(
            SourceRegistry.Version version,
            Map<SourceRegistry.Reference, SourceRegistry.Version> byKey,
            Set<SourceRegistry.Reference> placed,
            Set<SourceRegistry.Reference> visiting,
            List<SourceRegistry.Version> ordered) {
        SourceRegistry.Reference key = new SourceRegistry.Reference(version.subject(), version.version());
        if (placed.contains(key) || !visiting.add(key)) {
            return;
        }
        for (SourceRegistry.Reference reference : version.references()) {
            SourceRegistry.Version referenced = byKey.get(reference);
            if (referenced != null) {
                place(referenced, byKey, placed, visiting, ordered);
            }
        }
        placed.add(key);
        ordered.add(version);
    }

    private static void register(RegistryClient target, List<SourceRegistry.Version> versions) {
        try (Progress progress = Progress.onConsole("importing into " + target.url(), versions.size())) {
            for (SourceRegistry.Version version : versions) {
                ObjectNode body = JSON.createObjectNode();
                version.body().fields().forEachRemaining(field -> {
                    if (SCHEMA_FIELDS.contains(field.getKey())
                            && !field.getValue().isNull()) {
                        body.set(field.getKey(), field.getValue());
                    }
                });
                body.put("id", version.id()).put("version", version.version());
                JsonNode answer = target.write("POST", versionsPath(version.subject()), body);
                if (answer.path("id").asInt() != version.id()) {
                    throw new BackupException("The target gave " + version.subject() + " version " + version.version()
                            + " the id " + answer.path("id") + " instead of " + version.id());
                }
                progress.advance(1);
            }
        }
    }

    private static int softDelete(RegistryClient target, List<SourceRegistry.Version> versions) {
        int deleted = 0;
        for (SourceRegistry.Version version : versions) {
            if (!version.deleted()) {
                continue;
            }
            RegistryClient.Answer answer =
                    target.send("DELETE", versionsPath(version.subject()) + "/" + version.version(), null);
            if (answer.ok()) {
                deleted++;
            } else {
                log.warn(
                        "Could not soft-delete {} version {} as it is in the source: {} {}",
                        version.subject(),
                        version.version(),
                        answer.status(),
                        answer.body());
            }
        }
        return deleted;
    }

    private static int copyConfigs(RegistryClient source, RegistryClient target, Set<String> subjects) {
        int copied = 0;
        Optional<JsonNode> global = source.find("/config").filter(JsonNode::isObject);
        if (global.isPresent()) {
            target.write("PUT", "/config", configBody(global.get()));
            copied++;
        }
        for (String subject : subjects) {
            Optional<JsonNode> config = SourceRegistry.subjectConfig(source, subject);
            if (config.isPresent()) {
                target.write("PUT", "/config/" + RegistryClient.segment(subject), configBody(config.get()));
                copied++;
            }
        }
        return copied;
    }

    private static int copyModes(RegistryClient source, RegistryClient target, Set<String> subjects) {
        int copied = 0;
        for (String subject : subjects) {
            Optional<String> mode = SourceRegistry.subjectMode(source, subject);
            if (mode.isPresent()) {
                target.write("PUT", "/mode/" + RegistryClient.segment(subject) + "?force=true", mode(mode.get()));
                copied++;
            }
        }
        return copied;
    }

    /** A {@code GET /config} answer as a {@code PUT /config} body: {@code compatibilityLevel} is {@code compatibility}. */
    static ObjectNode configBody(JsonNode config) {
        ObjectNode body = JSON.createObjectNode();
        config.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                return;
            }
            String name = "compatibilityLevel".equals(field.getKey()) ? "compatibility" : field.getKey();
            body.set(name, field.getValue());
        });
        return body;
    }

    private static ObjectNode mode(String mode) {
        return JSON.createObjectNode().put("mode", mode);
    }

    private static String versionsPath(String subject) {
        return "/subjects/" + RegistryClient.segment(subject) + "/versions";
    }
}
