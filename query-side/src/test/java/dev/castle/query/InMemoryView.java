package dev.castle.query;

import dev.castle.domain.ConfigValue;
import dev.castle.domain.Mode;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/** A hand-filled {@link RegistryView} for unit tests of the read routes. */
final class InMemoryView implements RegistryView {
    private final List<SchemaVersion> all = new ArrayList<>();
    private final Map<String, ConfigValue> configs = new HashMap<>();
    private final Map<String, Mode> modes = new HashMap<>();

    InMemoryView add(String subject, int version, int id, boolean deleted) {
        all.add(new SchemaVersion(subject, version, id, SchemaType.AVRO, "\"string\"", List.of(), null, null, deleted));
        return this;
    }

    /** Adds a version as given (metadata, rule set, type and text included). */
    InMemoryView add(SchemaVersion version) {
        all.add(version);
        return this;
    }

    InMemoryView config(String subject, ConfigValue config) {
        configs.put(subject, config);
        return this;
    }

    InMemoryView mode(String subject, Mode mode) {
        modes.put(subject, mode);
        return this;
    }

    @Override
    public long appliedOffset() {
        return all.size() - 1L;
    }

    @Override
    public List<SchemaVersion> versions(String subject) {
        return all.stream().filter(v -> v.subject().equals(subject)).toList();
    }

    @Override
    public Optional<SchemaVersion> version(String subject, int version) {
        return versions(subject).stream().filter(v -> v.version() == version).findFirst();
    }

    @Override
    public SortedSet<String> subjects() {
        TreeSet<String> subjects = new TreeSet<>();
        all.forEach(v -> subjects.add(v.subject()));
        return subjects;
    }

    @Override
    public List<SchemaVersion> versionsById(String context, int id) {
        return all.stream()
                .filter(v -> v.id() == id && v.context().equals(context))
                .toList();
    }

    @Override
    public int maxId(String context) {
        return all.stream()
                .filter(v -> v.context().equals(context))
                .mapToInt(SchemaVersion::id)
                .max()
                .orElse(0);
    }

    @Override
    public OptionalInt idByFingerprint(String context, String fingerprint) {
        return OptionalInt.empty();
    }

    @Override
    public SortedSet<Integer> referencedBy(String subject, int version) {
        return new TreeSet<>();
    }

    @Override
    public Optional<ConfigValue> config(String subject) {
        return Optional.ofNullable(configs.get(subject));
    }

    @Override
    public Optional<Mode> mode(String subject) {
        return Optional.ofNullable(modes.get(subject));
    }

    @Override
    public SortedSet<String> contexts() {
        TreeSet<String> contexts = new TreeSet<>();
        contexts.add(".");
        all.forEach(v -> contexts.add(v.context()));
        return contexts;
    }
}
