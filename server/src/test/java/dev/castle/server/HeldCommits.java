package dev.castle.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * Makes a node's log producers and, once armed, holds the next transaction open between its sends and its commit, as
 * a process paused in the middle of a write would: the records are in the log, uncommitted, until {@link #release}.
 */
final class HeldCommits {
    private final CountDownLatch armed = new CountDownLatch(1);
    private final CountDownLatch holding = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    /** A producer factory for {@code Castle.start}. */
    Producer<byte[], byte[]> producer(Map<String, Object> config) {
        return new HoldingProducer(config);
    }

    /** The next commit will wait, after its records reached the log, until {@link #release}. */
    void arm() {
        armed.countDown();
    }

    /** Waits until a commit is being held; false on timeout. */
    boolean awaitHolding(Duration timeout) throws InterruptedException {
        return holding.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets the held commit go on. */
    void release() {
        released.countDown();
    }

    private final class HoldingProducer extends KafkaProducer<byte[], byte[]> {
        HoldingProducer(Map<String, Object> config) {
            super(config);
        }

        @Override
        public void commitTransaction() {
            if (armed.getCount() == 0 && holding.getCount() > 0) {
                flush(); // the transaction's records are now in the log, not yet committed
                holding.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.commitTransaction();
        }
    }
}
