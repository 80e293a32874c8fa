/**
 * JSON Schema (drafts 4 to 2020-12) as Confluent's registry compares it: documents with their draft and base URI, the
 * meta-schema check, {@code $ref} resolution across referenced documents, the shapes a schema loads into, and the diff
 * that lists each difference from a writer schema to a reader schema with Confluent's type and message.
 * Knows nothing of the registry.
 */
package dev.castle.jsonschema;
