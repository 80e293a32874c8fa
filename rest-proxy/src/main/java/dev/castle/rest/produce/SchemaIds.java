package dev.castle.rest.produce;

import dev.castle.domain.SchemaType;
import dev.castle.rest.http.RestException;
import dev.castle.serdes.JsonCodec;
import dev.castle.serdes.RegistryPortException;
import dev.castle.serdes.SchemaRegistryPort;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import dev.castle.serdes.SerdesException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The schema id each produce request writes with (spec kafka-rest-api §4): an inline schema is checked, named by the
 * subject strategy and registered once, then remembered; a given id is looked up and, with name-strategy validation,
 * must be registered under the strategy's subject. Answers stay cached: an id's schema never changes, and a schema
 * registered under a subject keeps its id there.
 */
final class SchemaIds {
    private static final Logger log = LoggerFactory.getLogger(SchemaIds.class);
    /** Far more schemas than a proxy writes with; past it the caches start over rather than grow without bound. */
    private static final int MAX_CACHED = 10_000;

    private final SchemaRegistryPort registry;
    private final JsonCodec codec;
    private final SubjectNaming naming;
    private final boolean validateSubjects;
    private final Map<InlineKey, Integer> inline = new ConcurrentHashMap<>();
    private final Map<IdKey, Boolean> validIds = new ConcurrentHashMap<>();

    private record InlineKey(String topic, boolean isKey, SchemaType type, String schema) {}

    private record IdKey(String topic, boolean isKey, SchemaType type, int id) {}

    SchemaIds(SchemaRegistryPort registry, JsonCodec codec, SubjectNaming naming, boolean validateSubjects) {
        this.registry = registry;
        this.codec = codec;
        this.naming = naming;
        this.validateSubjects = validateSubjects;
    }

    /** The id of an inline schema, registered under the strategy's subject on first use. */
    int inline(String topic, boolean isKey, SchemaType type, String schema) {
        InlineKey key = new InlineKey(topic, isKey, type, schema);
        Integer known = inline.get(key);
        if (known != null) {
            return known;
        }
        RegisteredSchema registered = RegisteredSchema.of(type, schema);
        Optional<String> recordName;
        try {
            recordName = codec.check(registered);
        } catch (SerdesException e) {
            throw invalidSchema(type, "schema = " + schema);
        }
        String subject =
                naming.subject(topic, isKey, recordName).orElseThrow(() -> invalidSchema(type, "schema = " + schema));
        int id;
        try {
            id = registry.register(subject, registered);
        } catch (RegistryPortException e) {
            log.info("The registry refused a schema for subject {}: {}", subject, e.getMessage());
            throw RestException.of(
                    40801, "Error when registering schema.format = " + type.name() + ", subject = " + subject);
        }
        remember(inline, key, id);
        return id;
    }

    /** A given id, checked to be a schema of {@code type} (and, with validation, registered under the subject). */
    int byId(String topic, boolean isKey, SchemaType type, int id) {
        IdKey key = new IdKey(topic, isKey, type, id);
        if (validIds.containsKey(key)) {
            return id;
        }
        RestException invalid = invalidSchema(type, "schema_id = " + id);
        RegisteredSchema schema = registry.schemaById(id).orElseThrow(() -> invalid);
        if (schema.type() != type) {
            throw invalid;
        }
        if (validateSubjects) {
            Optional<String> recordName;
            try {
                recordName = naming == SubjectNaming.TOPIC_NAME ? Optional.empty() : codec.recordName(id);
            } catch (SerdesException e) {
                throw invalid;
            }
            String subject = naming.subject(topic, isKey, recordName).orElseThrow(() -> invalid);
            if (!registry.subjectsOf(id).contains(subject)) {
                throw invalid;
            }
        }
        remember(validIds, key, Boolean.TRUE);
        return id;
    }

    private static <K, V> void remember(Map<K, V> cache, K key, V value) {
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, value);
    }

    private static RestException invalidSchema(SchemaType type, String what) {
        return RestException.of(42205, "Invalid schema. format = " + type.name() + ", " + what);
    }
}
