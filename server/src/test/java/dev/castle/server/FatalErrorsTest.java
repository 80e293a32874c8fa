package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FatalErrorsTest {

    @Test
    void shouldHaltWithNonZeroStatusOnOutOfMemory() {
        // given the handler with a halt that records its status
        List<Integer> halted = new ArrayList<>();
        Thread.UncaughtExceptionHandler handler = FatalErrors.handler(halted::add);

        // when a thread dies of an OutOfMemoryError
        handler.uncaughtException(new Thread("worker"), new OutOfMemoryError("Java heap space"));

        // then the process halts with the status the JVM's ExitOnOutOfMemoryError uses
        assertThat(halted).containsExactly(3);
    }

    @Test
    void shouldHaltOnEveryVirtualMachineError() {
        List<Integer> halted = new ArrayList<>();
        Thread.UncaughtExceptionHandler handler = FatalErrors.handler(halted::add);

        handler.uncaughtException(new Thread("worker"), new StackOverflowError());
        handler.uncaughtException(new Thread("worker"), new InternalError("broken"));

        assertThat(halted).containsExactly(FatalErrors.STATUS, FatalErrors.STATUS);
    }

    @Test
    void shouldOnlyLogOtherUncaughtExceptions() {
        List<Integer> halted = new ArrayList<>();
        Thread.UncaughtExceptionHandler handler = FatalErrors.handler(halted::add);

        handler.uncaughtException(new Thread("worker"), new IllegalStateException("a bug"));
        handler.uncaughtException(new Thread("worker"), new AssertionError("not the JVM's"));

        assertThat(halted).isEmpty();
    }
}
