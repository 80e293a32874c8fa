package dev.castle.topology.internals;

import dev.castle.topology.RegistryStore;
import java.util.Map;
import org.apache.kafka.streams.state.StoreBuilder;

/** Builds the {@link RegistryStore}: no cache and no changelog, since the store is global and rebuilt from its topic. */
public final class RegistryStoreBuilder implements StoreBuilder<RegistryStore> {
    private final String name;

    public RegistryStoreBuilder(String name) {
        this.name = name;
    }

    @Override
    public StoreBuilder<RegistryStore> withCachingEnabled() {
        return this;
    }

    @Override
    public StoreBuilder<RegistryStore> withCachingDisabled() {
        return this;
    }

    @Override
    public StoreBuilder<RegistryStore> withLoggingEnabled(Map<String, String> config) {
        throw new UnsupportedOperationException("The registry store is rebuilt from _schemas and has no changelog");
    }

    @Override
    public StoreBuilder<RegistryStore> withLoggingDisabled() {
        return this;
    }

    @Override
    public RegistryStore build() {
        return new RegistryStore(name);
    }

    @Override
    public Map<String, String> logConfig() {
        return Map.of();
    }

    @Override
    public boolean loggingEnabled() {
        return false;
    }

    @Override
    public String name() {
        return name;
    }
}
