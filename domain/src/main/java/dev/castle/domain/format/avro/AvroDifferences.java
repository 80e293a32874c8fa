package dev.castle.domain.format.avro;

import static dev.castle.domain.format.ParsedSchema.READER;
import static dev.castle.domain.format.ParsedSchema.WRITER;

import org.apache.avro.SchemaCompatibility.Incompatibility;

/** Renders Avro's incompatibilities as Confluent prints them (spec §7.4), with reader and writer placeholders. */
final class AvroDifferences {
    private AvroDifferences() {}

    static String describe(Incompatibility incompatibility) {
        return "{errorType:'" + incompatibility.getType()
                + "', description:'" + description(incompatibility)
                + "', additionalInfo:'" + incompatibility.getMessage() + "'}";
    }

    private static String description(Incompatibility incompatibility) {
        String path = incompatibility.getLocation();
        String info = incompatibility.getMessage();
        switch (incompatibility.getType()) {
            case NAME_MISMATCH:
                return "The name of the schema has changed (path '" + path + "')";
            case FIXED_SIZE_MISMATCH:
                return "The size of FIXED type field at path '" + path + "' in the " + READER
                        + " schema does not match with the " + WRITER + " schema";
            case MISSING_ENUM_SYMBOLS:
                return "The " + READER + " schema is missing enum symbols '" + info + "' at path '" + path + "' in the "
                        + WRITER + " schema";
            case READER_FIELD_MISSING_DEFAULT_VALUE:
                return "The field '" + info + "' at path '" + path + "' in the " + READER
                        + " schema has no default value and is missing in the " + WRITER + " schema";
            case TYPE_MISMATCH:
                return "The type (path '" + path + "') of a field in the " + READER + " schema does not match with the "
                        + WRITER + " schema";
            case MISSING_UNION_BRANCH:
                return "The " + READER + " schema is missing a type inside a union field at path '" + path + "' in the "
                        + WRITER + " schema";
            default:
                return "";
        }
    }
}
