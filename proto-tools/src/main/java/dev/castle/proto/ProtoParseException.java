package dev.castle.proto;

/**
 * The text (or base64 descriptor) is not a valid Protobuf schema, or one of its imports cannot be resolved. The
 * message says what is wrong and where; callers report it as an invalid schema.
 */
public final class ProtoParseException extends RuntimeException {

    public ProtoParseException(String message) {
        super(message);
    }

    public ProtoParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
