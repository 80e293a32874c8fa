package dev.castle.command.election;

import dev.castle.command.CommandGateway;
import dev.castle.command.LeaderExecutor;
import dev.castle.command.LogWriteException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's terms of leadership: each term is a new {@link LeaderExecutor} on a new {@link FencingEventLog}, so a
 * term ends for good when the node is fenced; being re-elected while a term runs keeps it.
 */
public final class ExecutorLeaders implements LeaderAwareGateway.Leaders {
    private static final Logger log = LoggerFactory.getLogger(ExecutorLeaders.class);

    private final Function<Runnable, LeaderExecutor> executors;
    private final Runnable rejoin;
    private LeaderExecutor current;

    /**
     * @param executors makes an executor (not started) whose log calls the given callback when it is fenced
     * @param rejoin asks the elector for a new election
     */
    public ExecutorLeaders(Function<Runnable, LeaderExecutor> executors, Runnable rejoin) {
        this.executors = executors;
        this.rejoin = rejoin;
    }

    @Override
    public synchronized CommandGateway lead(Runnable onFenced) {
        if (current != null) {
            return current;
        }
        LeaderExecutor executor = executors.apply(onFenced);
        try {
            executor.start();
        } catch (LogWriteException e) {
            log.error("Elected, but could not claim the log; this node will not decide writes", e);
            executor.close();
            rejoin.run();
            return null;
        }
        current = executor;
        log.info("This node leads and decides writes");
        return executor;
    }

    @Override
    public synchronized void stepDown() {
        if (current != null) {
            current.close();
            current = null;
            log.info("This node no longer leads");
        }
    }

    @Override
    public void requestRejoin() {
        rejoin.run();
    }
}
