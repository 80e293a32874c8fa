package dev.castle.serdes;

import dev.castle.domain.SchemaType;
import java.util.List;
import java.util.Optional;

/**
 * What the serdes and the REST Proxy need of a schema registry. In Castle's own process it is filled by a local
 * lookup in the fold and a command to the local gateway; elsewhere by {@code HttpSchemaRegistry}, a caching client of
 * any Confluent-compatible registry.
 */
public interface SchemaRegistryPort {

    /**
     * Registers {@code schema} under {@code subject} (idempotent: a schema already there keeps its id) and answers its
     * global id.
     *
     * @throws RegistryPortException when the registry refuses the schema or cannot be reached
     */
    int register(String subject, RegisteredSchema schema);

    /** The schema with this global id; empty when there is none. */
    Optional<RegisteredSchema> schemaById(int id);

    /** The subjects under which the schema with this id is registered (empty when none or unknown). */
    List<String> subjectsOf(int id);

    /** A version of a subject ({@code -1} is the latest); empty when the subject or version does not exist. */
    Optional<SubjectSchema> version(String subject, int version);

    /**
     * The version of {@code subject} that holds {@code schema}; empty when the subject does not hold it. A registry
     * answers this itself ({@code POST /subjects/{subject}}); this default walks the subject's versions from the
     * latest down and compares the texts exactly, for ports that cannot ask.
     *
     * @throws RegistryPortException when the registry cannot be reached
     */
    default Optional<SubjectSchema> lookup(String subject, RegisteredSchema schema) {
        Optional<SubjectSchema> latest = version(subject, -1);
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        for (int v = latest.get().version(); v >= 1; v--) {
            Optional<SubjectSchema> found = version(subject, v);
            if (found.isPresent() && found.get().schema().equals(schema)) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** A schema as a registry holds it: type, text and the references it names. */
    record RegisteredSchema(SchemaType type, String schema, List<Reference> references) {
        public RegisteredSchema {
            references = List.copyOf(references);
        }

        public static RegisteredSchema of(SchemaType type, String schema) {
            return new RegisteredSchema(type, schema, List.of());
        }
    }

    /** A reference: the name the schema imports, and the subject and version that hold it. */
    record Reference(String name, String subject, int version) {}

    /** A schema found under a subject's version, with the global id it has. */
    record SubjectSchema(String subject, int version, int id, RegisteredSchema schema) {}
}
