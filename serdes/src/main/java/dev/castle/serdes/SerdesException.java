package dev.castle.serdes;

/** Why a value could not be written in, or read from, Confluent's wire format. */
public final class SerdesException extends RuntimeException {

    /** What went wrong, so that callers (the REST Proxy) can answer each with its own error code. */
    public enum Kind {
        /** The schema text does not parse, or the id names a schema of another type. */
        INVALID_SCHEMA,
        /** No schema has this id. */
        UNKNOWN_SCHEMA,
        /** The value does not fit the schema; the message says why. */
        DATA_MISMATCH,
        /** The bytes are not Confluent's wire format, or do not decode with their schema. */
        BAD_FRAME
    }

    private final Kind kind;

    public SerdesException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public SerdesException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
