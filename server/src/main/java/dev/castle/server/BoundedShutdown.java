package dev.castle.server;

import java.time.Duration;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a node within a bound: the stop runs on a thread of its own, and if it has not finished when the bound is up,
 * the stack it is stuck in is logged and the process halts (a component hanging in its close, as Jetty's selector once
 * did for 25 minutes, must not keep a dead node's ports open).
 */
final class BoundedShutdown {
    private static final Logger log = LoggerFactory.getLogger(BoundedShutdown.class);

    /** The status of a process halted because its stop took too long. */
    static final int STATUS = 1;

    private BoundedShutdown() {}

    /**
     * Closes {@code resource}, waiting at most {@code bound}; past it calls {@code halt} with {@link #STATUS} (which in
     * production does not return). Returns whether the resource closed in time.
     */
    static boolean close(AutoCloseable resource, Duration bound, IntConsumer halt) {
        Thread closer = new Thread(() -> closeQuietly(resource), "castle-stop");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(Math.max(1, bound.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!closer.isAlive()) {
            return true;
        }
        log.error(
                "The node did not stop within {} ({}); halting with status {}. The stop is stuck at:{}",
                bound,
                CastleConfig.SHUTDOWN_TIMEOUT_MS,
                STATUS,
                stack(closer));
        halt.accept(STATUS);
        return false;
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            log.warn("Error while stopping", e);
        }
    }

    private static String stack(Thread thread) {
        StringBuilder text = new StringBuilder();
        for (StackTraceElement frame : thread.getStackTrace()) {
            text.append(System.lineSeparator()).append("\tat ").append(frame);
        }
        return text.toString();
    }
}
