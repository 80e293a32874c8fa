package dev.castle.server.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.Event;
import dev.castle.domain.json.Jackson;
import dev.castle.server.CastleConfig;
import dev.castle.topology.SchemasCodec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code recover}: rebuilds a lost or damaged {@code _schemas} topic from what a live registry still serves. Every
 * answer of its REST API (versions with {@code ?deleted=true}, configs and modes at each level, contexts) is read as
 * the log record it came from and re-encoded by {@link SchemasCodec}, so the new topic folds into the same state:
 * ids, versions, soft deletes, configs and modes. Permanently deleted versions are gone from the fold, so from the new
 * topic too.
 */
public final class Recover {
    private static final Logger log = LoggerFactory.getLogger(Recover.class);
    private static final ObjectMapper JSON = Jackson.MAPPER;

    private Recover() {}

    /** Writes the records of {@code from}'s state to the configured topic; returns how many. */
    public static long recover(CastleConfig config, String from, boolean force) {
        RegistryClient source = new RegistryClient(from);
        List<BackupRecord> records = records(source);
        SchemasLog schemas = SchemasLog.of(config);
        schemas.prepareForRestore(force);
        schemas.append(records, "recovering " + schemas.topic());
        log.info("Recovered {} records from {} into {}", records.size(), from, schemas.topic());
        return records.size();
    }

    /** The log records of a registry's state, in the order a fold needs them. */
    static List<BackupRecord> records(RegistryClient source) {
        Recorder recorder = new Recorder();
        List<SourceRegistry.Version> versions;
        try (Progress progress = Progress.onConsole("reading " + source.url(), 0)) {
            versions = Import.inDependencyOrder(SourceRegistry.versions(source, progress));
        }
        Set<String> levels = new LinkedHashSet<>();
        versions.forEach(version -> levels.add(version.subject()));
        for (String context : Import.levels(levels)) {
            if (!context.isEmpty()) {
                String name = context.substring(1, context.length() - 1);
                recorder.add(
                        key("CONTEXT")
                                .put("tenant", "default")
                                .put("context", name)
                                .put("magic", 0),
                        JSON.createObjectNode().put("tenant", "default").put("context", name));
            }
        }
        for (SourceRegistry.Version version : versions) {
            ObjectNode value = ((ObjectNode) version.body().deepCopy()).put("deleted", version.deleted());
            recorder.add(
                    subjectKey("SCHEMA", version.subject())
                            .put("version", version.version())
                            .put("magic", 1),
                    value);
        }
        source.find("/config")
                .filter(JsonNode::isObject)
                .ifPresent(config -> recorder.add(subjectKey("CONFIG", null).put("magic", 0), config));
        source.find("/mode")
                .map(mode -> mode.path("mode").asText())
                .filter(mode -> !"READWRITE".equals(mode))
                .ifPresent(mode -> recorder.add(
                        subjectKey("MODE", null).put("magic", 0),
                        JSON.createObjectNode().put("mode", mode)));
        Set<String> settingLevels = new LinkedHashSet<>(Import.levels(levels));
        settingLevels.remove("");
        settingLevels.addAll(levels);
        for (String level : settingLevels) {
            SourceRegistry.subjectConfig(source, level)
                    .ifPresent(
                            config -> recorder.add(subjectKey("CONFIG", level).put("magic", 0), config));
            ownMode(source, level)
                    .ifPresent(mode -> recorder.add(
                            subjectKey("MODE", level).put("magic", 0),
                            JSON.createObjectNode().put("mode", mode)));
        }
        return recorder.records;
    }

    private static Optional<String> ownMode(RegistryClient source, String level) {
        return source.find("/mode/" + RegistryClient.segment(level) + "?defaultToGlobal=false")
                .map(mode -> mode.path("mode").asText())
                .filter(mode -> !mode.isEmpty());
    }

    private static ObjectNode key(String keytype) {
        return JSON.createObjectNode().put("keytype", keytype);
    }

    private static ObjectNode subjectKey(String keytype, String subject) {
        ObjectNode key = key(keytype);
        if (subject != null) {
            key.put("subject", subject);
        }
        return key;
    }

    /** Reads each (key, answer) pair as a log record through the codec, and keeps the codec's byte form of it. */
    private static final class Recorder {
        private final SchemasCodec codec = new SchemasCodec();
        private final List<BackupRecord> records = new ArrayList<>();

        void add(ObjectNode key, JsonNode value) {
            Event event;
            try {
                event = codec.decode(JSON.writeValueAsBytes(key), JSON.writeValueAsBytes(value));
            } catch (IOException e) {
                throw new BackupException("Cannot write " + key, e);
            }
            if (event == null) {
                throw new BackupException(
                        "The registry's answer for " + key + " cannot be read as a _schemas record: " + value);
            }
            records.add(new BackupRecord(codec.encodeKey(event), codec.encodeValue(event)));
        }
    }
}
