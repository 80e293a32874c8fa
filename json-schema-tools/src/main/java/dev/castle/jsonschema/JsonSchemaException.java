package dev.castle.jsonschema;

/** A JSON Schema that cannot be loaded: a {@code $ref} that resolves nowhere, an unknown type, a non-schema node. */
public final class JsonSchemaException extends RuntimeException {
    public JsonSchemaException(String message) {
        super(message);
    }
}
