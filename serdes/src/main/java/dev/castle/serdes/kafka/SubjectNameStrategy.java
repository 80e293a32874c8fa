package dev.castle.serdes.kafka;

import java.lang.reflect.InvocationTargetException;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Names the subject a key's or value's schema is registered under, as Confluent's strategies do.
 * {@link #TOPIC} is the default; the record-name strategies need a schema that has a name (an Avro record, enum or
 * fixed; a JSON Schema {@code title}; a Protobuf message).
 */
@FunctionalInterface
public interface SubjectNameStrategy {

    /**
     * The subject for a key ({@code isKey}) or value written to {@code topic} whose schema is named {@code recordName}.
     *
     * @throws SerializationException when the strategy needs a record name and the schema has none
     */
    String subject(String topic, boolean isKey, Optional<String> recordName);

    /** {@code <topic>-key} or {@code <topic>-value}. */
    SubjectNameStrategy TOPIC = (topic, isKey, recordName) -> topic + (isKey ? "-key" : "-value");

    /** The schema's full name, whatever the topic. */
    SubjectNameStrategy RECORD = (topic, isKey, recordName) -> required(recordName, isKey, "RecordNameStrategy");

    /** {@code <topic>-<full name>}. */
    SubjectNameStrategy TOPIC_RECORD =
            (topic, isKey, recordName) -> topic + "-" + required(recordName, isKey, "TopicRecordNameStrategy");

    /**
     * The strategy a configuration value names: a short name ({@code TopicNameStrategy}, …), Confluent's class name
     * ({@code io.confluent.kafka.serializers.subject.TopicNameStrategy}, …), or the name of a class implementing this
     * interface with a public no-argument constructor.
     *
     * @throws ConfigException when the name is none of these
     */
    static SubjectNameStrategy named(String key, String name) {
        String trimmed = name.strip();
        String simple = trimmed.startsWith("io.confluent.kafka.serializers.subject.")
                ? trimmed.substring(trimmed.lastIndexOf('.') + 1)
                : trimmed;
        SubjectNameStrategy known = Map.of(
                        "TopicNameStrategy", TOPIC,
                        "RecordNameStrategy", RECORD,
                        "TopicRecordNameStrategy", TOPIC_RECORD)
                .get(simple);
        if (known != null) {
            return known;
        }
        try {
            Class<?> type = Class.forName(trimmed, true, Thread.currentThread().getContextClassLoader());
            if (SubjectNameStrategy.class.isAssignableFrom(type)) {
                return (SubjectNameStrategy) type.getConstructor().newInstance();
            }
        } catch (ClassNotFoundException
                | NoSuchMethodException
                | InstantiationException
                | IllegalAccessException
                | InvocationTargetException e) {
            throw new ConfigException(key, name, "not a subject name strategy: " + e);
        }
        throw new ConfigException(key, name, "not a subject name strategy");
    }

    private static String required(Optional<String> recordName, boolean isKey, String strategy) {
        return recordName.orElseThrow(() -> new SerializationException("In configuration "
                + (isKey ? SerdeConfig.KEY_SUBJECT_NAME_STRATEGY : SerdeConfig.VALUE_SUBJECT_NAME_STRATEGY)
                + " = " + strategy + ", the message " + (isKey ? "key" : "value") + " must only be a record schema"));
    }
}
