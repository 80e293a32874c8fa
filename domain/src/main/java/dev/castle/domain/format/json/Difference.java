package dev.castle.domain.format.json;

/** A difference from an original (writer) schema to an updated (reader) one, at a path like {@code #/properties/a}. */
record Difference(DifferenceType type, String path) {

    /**
     * Confluent's rendering, including its quirk of closing the description with {@code '}} (spec §7.4), with the
     * {@link dev.castle.domain.format.ParsedSchema#READER} and {@code WRITER} placeholders.
     */
    String message() {
        return "{errorType:\"" + type + "\", description:\"" + type.describe(path) + "'}";
    }

    @Override
    public String toString() {
        return type + " " + path;
    }
}
