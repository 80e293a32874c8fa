package dev.castle.server;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the process when the JVM cannot go on: a node out of memory would otherwise keep its ports open and answer
 * nothing useful. A {@link VirtualMachineError} that reaches the top of any thread halts the process; an error that a
 * library catches on its own threads (Jetty's, the Kafka clients') is ended by {@code -XX:+ExitOnOutOfMemoryError},
 * which {@code bin/castle} passes to the JVM.
 */
final class FatalErrors {
    private static final Logger log = LoggerFactory.getLogger(FatalErrors.class);

    /** The status the JVM's own {@code -XX:+ExitOnOutOfMemoryError} exits with. */
    static final int STATUS = 3;

    private FatalErrors() {}

    /** Makes every uncaught {@link VirtualMachineError} halt this process; warns when OOMs caught by libraries do not. */
    static void install() {
        Thread.setDefaultUncaughtExceptionHandler(
                handler(status -> Runtime.getRuntime().halt(status)));
        if (!exitsOnOutOfMemory()) {
            log.warn("The JVM runs without -XX:+ExitOnOutOfMemoryError: an OutOfMemoryError caught by a Jetty or Kafka"
                    + " thread could leave this node running without serving; start it with bin/castle, or add the"
                    + " flag to the java command");
        }
    }

    /** The handler, halting with {@code halt}; anything that is not a {@link VirtualMachineError} is only logged. */
    static Thread.UncaughtExceptionHandler handler(IntConsumer halt) {
        return (thread, error) -> {
            if (!(error instanceof VirtualMachineError)) {
                log.error("Uncaught exception in thread {}", thread.getName(), error);
                return;
            }
            try {
                log.error("{} in thread {}; halting with status {}", error, thread.getName(), STATUS, error);
            } catch (Throwable ignored) {
                // logging may need the very memory that ran out; halting matters more
            } finally {
                halt.accept(STATUS);
            }
        };
    }

    private static boolean exitsOnOutOfMemory() {
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return Boolean.parseBoolean(
                            hotSpot.getVMOption("ExitOnOutOfMemoryError").getValue())
                    || Boolean.parseBoolean(
                            hotSpot.getVMOption("CrashOnOutOfMemoryError").getValue());
        } catch (RuntimeException e) {
            return true; // not HotSpot: nothing to say
        }
    }
}
