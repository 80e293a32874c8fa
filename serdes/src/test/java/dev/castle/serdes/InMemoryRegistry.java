package dev.castle.serdes;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A registry held in maps, for tests: ids are given in order, the same schema keeps its id across subjects. */
public final class InMemoryRegistry implements SchemaRegistryPort {
    private final Map<Integer, RegisteredSchema> byId = new HashMap<>();
    private final Map<String, List<Integer>> versions = new HashMap<>();
    private int nextId = 1;
    private int lookupsById;

    @Override
    public synchronized int register(String subject, RegisteredSchema schema) {
        int id = byId.entrySet().stream()
                .filter(entry -> entry.getValue().equals(schema))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(() -> {
                    byId.put(nextId, schema);
                    return nextId++;
                });
        List<Integer> ids = versions.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!ids.contains(id)) {
            ids.add(id);
        }
        return id;
    }

    @Override
    public synchronized Optional<RegisteredSchema> schemaById(int id) {
        lookupsById++;
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized List<String> subjectsOf(int id) {
        return versions.entrySet().stream()
                .filter(entry -> entry.getValue().contains(id))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    @Override
    public synchronized Optional<SubjectSchema> version(String subject, int version) {
        List<Integer> ids = versions.getOrDefault(subject, List.of());
        int index = version == -1 ? ids.size() - 1 : version - 1;
        if (index < 0 || index >= ids.size()) {
            return Optional.empty();
        }
        int id = ids.get(index);
        return Optional.of(new SubjectSchema(subject, index + 1, id, byId.get(id)));
    }

    /** The subjects that hold at least one schema, sorted. */
    public synchronized List<String> subjects() {
        return versions.keySet().stream().sorted().toList();
    }

    /** How often {@link #schemaById} was asked. */
    public synchronized int lookupsById() {
        return lookupsById;
    }
}
