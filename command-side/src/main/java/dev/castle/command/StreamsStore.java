package dev.castle.command;

import dev.castle.domain.RegistryView;
import dev.castle.topology.RegistryStreams;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** The node's Kafka Streams fold as the write path's {@link LocalStore}. */
public final class StreamsStore implements LocalStore {
    private final RegistryStreams streams;

    public StreamsStore(RegistryStreams streams) {
        this.streams = streams;
    }

    @Override
    public RegistryView view() {
        return streams.view();
    }

    @Override
    public void awaitApplied(long offset, Duration timeout) throws TimeoutException {
        if (!streams.awaitApplied(offset, timeout)) {
            throw new TimeoutException("Offset " + offset + " was not applied within " + timeout);
        }
    }

    @Override
    public void catchUp(Duration timeout) throws TimeoutException {
        if (!streams.catchUp(timeout)) {
            throw new TimeoutException("The store did not catch up with the log within " + timeout);
        }
    }
}
