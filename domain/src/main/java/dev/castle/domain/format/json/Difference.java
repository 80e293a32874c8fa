package dev.castle.domain.format.json;

/** One difference between an original (writer) schema and an updated (reader) one, at a JSON path like {@code #/properties/a}. */
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
