package dev.castle.command.election;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.command.EventLog;
import dev.castle.command.LogWriteException;
import dev.castle.domain.Event;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.junit.jupiter.api.Test;

class FencingEventLogTest {
    private final AtomicInteger appends = new AtomicInteger();
    private final AtomicInteger fencings = new AtomicInteger();
    private RuntimeException failure;

    private final EventLog delegate = new EventLog() {
        @Override
        public void open() {}

        @Override
        public List<Long> append(List<Event> events) {
            appends.incrementAndGet();
            if (failure != null) {
                throw failure;
            }
            return List.of(5L);
        }

        @Override
        public boolean fits(List<Event> events) {
            return events.size() < 2;
        }

        @Override
        public void close() {}
    };

    private final FencingEventLog log = new FencingEventLog(delegate, fencings::incrementAndGet);

    @Test
    void shouldRefuseEveryAppendAfterBeingFenced() {
        // given the log refuses a write because another leader claimed it
        failure = LogWriteException.fenced("Fenced", new ProducerFencedException("epoch"));
        assertThatThrownBy(() -> log.append(List.of(new Event.Noop()))).isSameAs(failure);

        // when the node tries again, even after the fault is gone
        failure = null;

        // then it does not reach the log, and the owner heard about the fencing once
        assertThatThrownBy(() -> log.append(List.of(new Event.Noop()))).isInstanceOf(LogWriteException.class);
        assertThatThrownBy(log::open).isInstanceOf(LogWriteException.class);
        assertThat(appends).hasValue(1);
        assertThat(fencings).hasValue(1);
        assertThat(log.fenced()).isTrue();
    }

    @Test
    void shouldAskTheLogWhetherRecordsFit() {
        assertThat(log.fits(List.of(new Event.Noop()))).isTrue();
        assertThat(log.fits(List.of(new Event.Noop(), new Event.Noop()))).isFalse();
    }

    @Test
    void shouldKeepWritingAfterOtherFailures() {
        // given a failure that is no fencing
        failure = new LogWriteException("Timed out", new org.apache.kafka.common.errors.TimeoutException("t"), true);
        assertThatThrownBy(() -> log.append(List.of(new Event.Noop()))).isSameAs(failure);

        // when
        failure = null;

        // then
        assertThat(log.append(List.of(new Event.Noop()))).containsExactly(5L);
        assertThat(fencings).hasValue(0);
    }
}
