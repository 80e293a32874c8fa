package dev.castle.proto;

import dev.castle.proto.internals.SchemaDiff;
import java.util.List;

/**
 * Compares two versions of a Protobuf schema with Confluent's Protobuf rules: every message and enum of the file
 * matched by full name, fields by tag, with wire-compatible scalar changes allowed.
 *
 * <p>For a BACKWARD check the original is the old (writer) schema and the update the new (reader) schema, labelled
 * "new" and "old"; for FORWARD swap both the files and the labels; FULL is both.
 */
public final class ProtoDiff {

    private ProtoDiff() {}

    /** All differences from original to update, descriptions naming the update "new" and the original "old". */
    public static List<ProtoDifference> compare(ProtoFile original, ProtoFile update) {
        return compare(original, update, "new", "old");
    }

    public static List<ProtoDifference> compare(
            ProtoFile original, ProtoFile update, String updateLabel, String originalLabel) {
        return SchemaDiff.compare(original.fileDescriptor(), update.fileDescriptor(), updateLabel, originalLabel);
    }

    /** Only the differences that break compatibility; empty means the update can read the original's data. */
    public static List<ProtoDifference> incompatibilities(ProtoFile original, ProtoFile update) {
        return compare(original, update).stream().filter(d -> !d.compatible()).toList();
    }
}
