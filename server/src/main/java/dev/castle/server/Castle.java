package dev.castle.server;

import java.util.Map;

/**
 * One Castle node: configuration in, a running registry out. Tests start it in-process with
 * {@code Castle.start(Map.of("kafkastore.bootstrap.servers", ..., "listeners", "http://127.0.0.1:0"))}.
 */
public final class Castle implements AutoCloseable {

    /** Starts a node from Confluent-style configuration keys; returns once it is ready to serve. */
    public static Castle start(Map<String, String> config) {
        throw new UnsupportedOperationException("TODO(H3)" + config);
    }

    /** The port the HTTP listener is bound to. */
    public int port() {
        throw new UnsupportedOperationException("TODO(H3)");
    }

    /** {@code http://host:port} of this node. */
    public String url() {
        throw new UnsupportedOperationException("TODO(H3)");
    }

    @Override
    public void close() {}
}
