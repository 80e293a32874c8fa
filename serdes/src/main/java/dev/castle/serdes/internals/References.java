package dev.castle.serdes.internals;

import dev.castle.serdes.SchemaRegistryPort;
import dev.castle.serdes.SchemaRegistryPort.Reference;
import dev.castle.serdes.SchemaRegistryPort.RegisteredSchema;
import dev.castle.serdes.SchemaRegistryPort.SubjectSchema;
import dev.castle.serdes.SerdesException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The texts a schema's references name, looked up in the registry by subject and version, transitively. */
public final class References {
    private References() {}

    /**
     * Reference name to schema text for every schema {@code schema} depends on, in dependency order: a schema's own
     * references come before it. The first schema given a name keeps it.
     *
     * @throws SerdesException INVALID_SCHEMA when a reference names no schema, or references go round in a circle
     */
    public static Map<String, String> resolve(SchemaRegistryPort registry, RegisteredSchema schema) {
        Map<String, String> texts = new LinkedHashMap<>();
        collect(registry, schema.references(), texts, new HashSet<>());
        return texts;
    }

    private static void collect(
            SchemaRegistryPort registry, List<Reference> references, Map<String, String> texts, Set<String> path) {
        for (Reference reference : references) {
            if (texts.containsKey(reference.name())) {
                continue;
            }
            String where = "subject '" + reference.subject() + "' version " + reference.version();
            if (!path.add(where)) {
                throw new SerdesException(
                        SerdesException.Kind.INVALID_SCHEMA, "Circular schema references through " + where);
            }
            SubjectSchema found = registry.version(reference.subject(), reference.version())
                    .orElseThrow(() -> new SerdesException(
                            SerdesException.Kind.INVALID_SCHEMA,
                            "Reference '" + reference.name() + "' names no schema: " + where + " not found"));
            collect(registry, found.schema().references(), texts, path);
            texts.put(reference.name(), found.schema().schema());
            path.remove(where);
        }
    }
}
