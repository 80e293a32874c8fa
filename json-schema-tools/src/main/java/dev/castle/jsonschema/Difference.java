package dev.castle.jsonschema;

/** A difference from an original (writer) schema to an updated (reader) one, at a path like {@code #/properties/a}. */
public record Difference(DifferenceType type, String path) {

    /**
     * Confluent's rendering, including its quirk of closing the description with {@code '}} (spec §7.4), with
     * {@code reader} and {@code writer} where the sentence names the reading and the writing schema.
     */
    public String message(String reader, String writer) {
        return "{errorType:\"" + type + "\", description:\"" + type.describe(path, reader, writer) + "'}";
    }

    @Override
    public String toString() {
        return type + " " + path;
    }
}
