package dev.castle.rest.produce;

import java.util.Locale;
import java.util.Optional;

/** The three subject name strategies of Confluent's serializers, as the proxy's {@code name.strategy} picks them. */
enum SubjectNaming {
    TOPIC_NAME,
    RECORD_NAME,
    TOPIC_RECORD_NAME;

    static SubjectNaming fromName(String name) {
        String normalized =
                name.toUpperCase(Locale.ROOT).replace("STRATEGY", "").replaceAll("[^A-Z]", "");
        for (SubjectNaming naming : values()) {
            if (naming.name().replace("_", "").equals(normalized)) {
                return naming;
            }
        }
        throw new IllegalArgumentException(
                "Unknown name strategy " + name + "; expected topic_name, record_name or topic_record_name");
    }

    /** The subject; empty when the strategy needs a record name the schema does not have. */
    Optional<String> subject(String topic, boolean isKey, Optional<String> recordName) {
        return switch (this) {
            case TOPIC_NAME -> Optional.of(topic + (isKey ? "-key" : "-value"));
            case RECORD_NAME -> recordName;
            case TOPIC_RECORD_NAME -> recordName.map(name -> topic + "-" + name);
        };
    }
}
