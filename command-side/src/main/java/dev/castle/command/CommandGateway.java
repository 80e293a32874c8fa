package dev.castle.command;

import dev.castle.domain.Command;
import java.util.concurrent.CompletableFuture;

/** Where write routes hand their commands: the future completes with the response body once the write is applied. */
public interface CommandGateway {

    /**
     * Submits a command; the future completes with the response body once its events are applied to the local store,
     * or exceptionally with a {@link dev.castle.domain.RegistryException}.
     */
    CompletableFuture<Object> submit(Command command);
}
