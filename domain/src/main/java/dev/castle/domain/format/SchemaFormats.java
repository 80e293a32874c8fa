package dev.castle.domain.format;

import dev.castle.domain.ErrorCode;
import dev.castle.domain.RegistryException;
import dev.castle.domain.SchemaType;
import dev.castle.domain.format.avro.AvroFormat;
import dev.castle.domain.format.json.JsonSchemaFormat;
import java.util.EnumMap;
import java.util.Map;

/** The formats Castle knows, by {@link SchemaType}. Protobuf joins here when it is written. */
public final class SchemaFormats {
    private final Map<SchemaType, SchemaFormat> formats = new EnumMap<>(SchemaType.class);

    private SchemaFormats(SchemaFormat... known) {
        for (SchemaFormat format : known) {
            formats.put(format.type(), format);
        }
    }

    /** Every format Castle supports today. */
    public static SchemaFormats standard() {
        return new SchemaFormats(new AvroFormat(), new JsonSchemaFormat());
    }

    /** The format for {@code type}; a type Castle does not support yet is 42201. */
    public SchemaFormat of(SchemaType type) {
        SchemaFormat format = formats.get(type);
        if (format == null) {
            throw RegistryException.withMessage(
                    ErrorCode.INVALID_SCHEMA, "Invalid schema type " + type + ": not supported by Castle yet");
        }
        return format;
    }
}
