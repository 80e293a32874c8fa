package dev.castle.domain.format;

/** A schema text that is not a valid schema of its type; the message is the parser's explanation. */
public class SchemaParseException extends RuntimeException {
    public SchemaParseException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}
