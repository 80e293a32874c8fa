package dev.castle.command;

import dev.castle.domain.ConfigValue;
import dev.castle.domain.Mode;
import dev.castle.domain.RegistryView;
import dev.castle.domain.SchemaVersion;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/** An empty registry whose {@link #appliedOffset()} counts the events folded into it, so tests can see what a decision saw. */
record FakeView(long appliedOffset) implements RegistryView {

    @Override
    public List<SchemaVersion> versions(String subject) {
        return List.of();
    }

    @Override
    public Optional<SchemaVersion> version(String subject, int version) {
        return Optional.empty();
    }

    @Override
    public SortedSet<String> subjects() {
        return new TreeSet<>();
    }

    @Override
    public List<SchemaVersion> versionsById(String context, int id) {
        return List.of();
    }

    @Override
    public int maxId(String context) {
        return 0;
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
        return Optional.empty();
    }

    @Override
    public Optional<Mode> mode(String subject) {
        return Optional.empty();
    }

    @Override
    public SortedSet<String> contexts() {
        return new TreeSet<>(List.of("."));
    }
}
