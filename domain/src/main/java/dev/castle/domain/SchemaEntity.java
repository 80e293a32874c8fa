package dev.castle.domain;

import java.util.Locale;

/**
 * A part of a schema that can carry tags (Confluent 7.6+ {@code SchemaEntity}): a record (Avro record, JSON Schema
 * object, Protobuf message) or a field, named by a dotted path whose form depends on the schema type (Avro
 * {@code namespace.Record.field}, JSON Schema {@code object.field.object.nested}, Protobuf {@code Message.Nested.field}).
 * A leading dot is ignored: {@code .Order} and {@code Order} are the same entity.
 */
public record SchemaEntity(String path, Type type) {

    /** The two kinds of tagged entity and their names on the wire. */
    public enum Type {
        SR_RECORD,
        SR_FIELD;

        /** {@code sr_record} or {@code sr_field}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type named {@code sr_record} or {@code sr_field}, or null for any other name. */
        public static Type fromWireName(String name) {
            for (Type type : values()) {
                if (type.wireName().equals(name)) {
                    return type;
                }
            }
            return null;
        }
    }

    public SchemaEntity {
        path = path.startsWith(".") ? path.substring(1) : path;
    }

    public static SchemaEntity record(String path) {
        return new SchemaEntity(path, Type.SR_RECORD);
    }

    public static SchemaEntity field(String path) {
        return new SchemaEntity(path, Type.SR_FIELD);
    }

    public boolean isRecord() {
        return type == Type.SR_RECORD;
    }
}
