package dev.castle.serdes.kafka;

import dev.castle.serdes.RegistryPortException;
import dev.castle.serdes.SchemaRegistryPort;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import dev.castle.serdes.SchemaRegistryPort.SubjectSchema;
import dev.castle.serdes.client.HttpSchemaRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The serializers' half of the registry: which id a value's schema is written with, decided as Confluent's serializers
 * do. With {@code auto.register.schemas} the schema is registered under its subject; otherwise, with
 * {@code use.latest.version}, the subject's latest version is written with; otherwise the schema must already be
 * registered under the subject. Answers for registered and looked-up schemas are kept; the latest version is asked
 * of the port each time (the HTTP client keeps it for its TTL).
 */
final class SchemaIds {
    /** The id to frame with and the schema to write with (the value's own, or the subject's latest). */
    record Resolved(int id, RegisteredSchema schema) {}

    private record Key(String subject, RegisteredSchema schema) {}

    private static final int CAPACITY = 1000;

    private final SchemaRegistryPort registry;
    private final SerdeConfig config;
    private final SubjectNameStrategy strategy;
    private final Map<Key, Resolved> resolved = new ConcurrentHashMap<>();

    SchemaIds(SchemaRegistryPort registry, SerdeConfig config) {
        this.registry = registry;
        this.config = config;
        this.strategy = config.subjectNameStrategy();
    }

    /** The registry {@code given} in code, or else a client of {@code schema.registry.url}. */
    static SchemaRegistryPort registry(SchemaRegistryPort given, Map<String, ?> configs) {
        return given != null ? given : HttpSchemaRegistry.fromConfig(configs);
    }

    SchemaRegistryPort registry() {
        return registry;
    }

    /**
     * The id and schema a value with {@code schema} (named {@code recordName}) is written to {@code topic} with.
     *
     * @throws SerializationException when the registry refuses or cannot be reached, or the schema is not registered
     *     and may not be
     */
    Resolved resolve(String topic, RegisteredSchema schema, Optional<String> recordName) {
        String subject = strategy.subject(topic, config.isKey(), recordName);
        Key key = new Key(subject, schema);
        Resolved known = resolved.get(key);
        if (known != null) {
            return known;
        }
        try {
            if (!config.autoRegister() && config.useLatestVersion()) {
                return latest(subject);
            }
            Resolved answer = new Resolved(id(subject, schema), schema);
            if (resolved.size() >= CAPACITY) {
                resolved.clear();
            }
            resolved.put(key, answer);
            return answer;
        } catch (RegistryPortException e) {
            throw new SerializationException(
                    "Could not find or register the " + schema.type() + " schema under subject '" + subject + "': "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * The subject's latest version, for a serializer that has no schema of its own and writes with whatever the
     * subject holds last.
     *
     * @throws SerializationException when the subject has no version, or the registry refuses or cannot be reached
     */
    Resolved latest(String topic, Optional<String> recordName) {
        String subject = strategy.subject(topic, config.isKey(), recordName);
        try {
            return latest(subject);
        } catch (RegistryPortException e) {
            throw new SerializationException(
                    "Could not find the latest schema of subject '" + subject + "': " + e.getMessage(), e);
        }
    }

    private Resolved latest(String subject) {
        SubjectSchema latest = registry.version(subject, -1)
                .orElseThrow(() -> new SerializationException(
                        "Subject '" + subject + "' has no version to write with, and auto.register.schemas is false"));
        return new Resolved(latest.id(), latest.schema());
    }

    /** The version of {@code subject} holding {@code schema}, for a reference to it; registered first if allowed. */
    SubjectSchema referenced(String subject, RegisteredSchema schema) {
        try {
            if (config.autoRegister()) {
                registry.register(subject, schema);
            } else if (config.useLatestVersion()) {
                return registry.version(subject, -1).orElseThrow(() -> notRegistered(subject));
            }
            return registry.lookup(subject, schema).orElseThrow(() -> notRegistered(subject));
        } catch (RegistryPortException e) {
            throw new SerializationException(
                    "Could not find or register the schema under subject '" + subject + "': " + e.getMessage(), e);
        }
    }

    private int id(String subject, RegisteredSchema schema) {
        if (config.autoRegister()) {
            return registry.register(subject, schema);
        }
        return registry.lookup(subject, schema)
                .orElseThrow(() -> notRegistered(subject))
                .id();
    }

    private static SerializationException notRegistered(String subject) {
        return new SerializationException("The schema is not registered under subject '" + subject
                + "', and auto.register.schemas is false: register it first, or set use.latest.version");
    }
}
