package dev.castle.domain;

import java.util.Locale;

/** The three schema formats Confluent Schema Registry knows; AVRO is the default and is omitted from JSON. */
public enum SchemaType {
    AVRO,
    JSON,
    PROTOBUF;

    /** Parses a {@code schemaType} value; null or empty means AVRO; anything unknown is 42201 {@code Invalid schema type FOO}. */
    public static SchemaType fromName(String name) {
        if (name == null || name.isEmpty()) {
            return AVRO;
        }
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new RegistryException(ErrorCode.INVALID_SCHEMA, "Invalid schema type " + name);
        }
    }
}
