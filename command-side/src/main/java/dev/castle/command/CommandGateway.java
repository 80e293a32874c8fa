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

    /**
     * Submits a command together with the HTTP request it came from, which a follower forwards to the leader. A
     * gateway that decides locally ignores the request.
     */
    default CompletableFuture<Object> submit(Command command, WriteRequest request) {
        return submit(command);
    }
}
