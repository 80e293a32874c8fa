package dev.castle.topology;

import dev.castle.domain.RegistryView;
import java.util.List;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.QueryableStoreType;
import org.apache.kafka.streams.state.internals.StateStoreProvider;

/**
 * Finds the {@link RegistryStore} through interactive queries (IQv1, {@code KafkaStreams#store}); IQv2 does not serve
 * global stores.
 */
public final class RegistryStoreType implements QueryableStoreType<RegistryView> {
    @Override
    public boolean accepts(StateStore stateStore) {
        return stateStore instanceof RegistryStore;
    }

    @Override
    public RegistryView create(StateStoreProvider storeProvider, String storeName) {
        List<RegistryView> stores = storeProvider.stores(storeName, this);
        if (stores.isEmpty()) {
            throw new InvalidStateStoreException("The registry store " + storeName + " is not available");
        }
        return stores.get(0);
    }
}
