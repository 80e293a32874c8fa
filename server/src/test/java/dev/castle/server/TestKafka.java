package dev.castle.server;

/** One real in-process KRaft broker shared by every integration test of this JVM, started on first use. */
public final class TestKafka {
    private TestKafka() {}

    /** The bootstrap servers of the shared broker, starting it if needed. */
    public static synchronized String bootstrapServers() {
        throw new UnsupportedOperationException("TODO(H3)");
    }
}
