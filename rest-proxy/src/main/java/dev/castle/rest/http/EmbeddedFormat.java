package dev.castle.rest.http;

import dev.castle.domain.SchemaType;
import java.util.Locale;
import java.util.Optional;

/** The embedded formats of the v2 media types ({@code application/vnd.kafka.<format>.v2+json}). */
public enum EmbeddedFormat {
    BINARY,
    JSON,
    AVRO,
    JSONSCHEMA,
    PROTOBUF;

    /** The format as the media types and request bodies spell it. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether values of this format are written with a registered schema. */
    public boolean needsSchema() {
        return this == AVRO || this == JSONSCHEMA || this == PROTOBUF;
    }

    /** The registry's type of this format's schemas. */
    public SchemaType schemaType() {
        return switch (this) {
            case AVRO -> SchemaType.AVRO;
            case JSONSCHEMA -> SchemaType.JSON;
            case PROTOBUF -> SchemaType.PROTOBUF;
            default -> throw new IllegalStateException(this + " values have no schema");
        };
    }

    public static Optional<EmbeddedFormat> fromWireName(String name) {
        for (EmbeddedFormat format : values()) {
            if (format.wireName().equals(name)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
