package dev.castle.rest;

import dev.castle.serdes.RegistryPortException;
import dev.castle.serdes.SchemaRegistryPort;
import java.util.List;
import java.util.Optional;

/**
 * The registry of a proxy that has none (the registry side switched off and no {@code schema.registry.url}): binary
 * and JSON work, schema formats are refused as a registry that cannot be reached would refuse them.
 */
final class NoSchemaRegistry implements SchemaRegistryPort {
    private static final String WHY = "This REST Proxy has no schema registry: set schema.registry.url";

    @Override
    public int register(String subject, RegisteredSchema schema) {
        throw new RegistryPortException(WHY, null);
    }

    @Override
    public Optional<RegisteredSchema> schemaById(int id) {
        throw new RegistryPortException(WHY, null);
    }

    @Override
    public List<String> subjectsOf(int id) {
        throw new RegistryPortException(WHY, null);
    }

    @Override
    public Optional<SubjectSchema> version(String subject, int version) {
        throw new RegistryPortException(WHY, null);
    }
}
