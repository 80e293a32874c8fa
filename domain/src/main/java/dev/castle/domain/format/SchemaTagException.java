package dev.castle.domain.format;

/**
 * A schema tag names an entity the schema does not have. Confluent answers it with 42201 and the text of the
 * {@code IllegalArgumentException} it throws, which {@link #confluentMessage()} reproduces.
 */
public final class SchemaTagException extends RuntimeException {
    public SchemaTagException(String message) {
        super(message, null, false, false);
    }

    /** Confluent's 42201 message: the cause's class and message, as {@code Throwable#toString} prints them. */
    public String confluentMessage() {
        return "java.lang.IllegalArgumentException: " + getMessage();
    }

    /** Confluent's text for a path that names nothing. */
    public static SchemaTagException noMatchingPath(String path) {
        return new SchemaTagException("No matching path '" + path + "' found in the schema");
    }
}
