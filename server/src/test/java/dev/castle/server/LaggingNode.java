package dev.castle.server;

import java.util.HashMap;
import java.util.Map;

/**
 * A read replica whose fold trails the log on purpose: its Kafka consumers ask the broker to hold every fetch until a
 * megabyte is there or three seconds passed, so a record reaches its store up to three seconds after it was written.
 */
final class LaggingNode {
    static final String FETCH_MAX_WAIT_MS = "3000";

    private LaggingNode() {}

    /** Starts the replica on the topic and group of {@code cluster}. */
    static Castle start(Cluster cluster) {
        Map<String, String> config = new HashMap<>(cluster.settings(false));
        config.put("listeners", "http://127.0.0.1:0");
        config.put("castle.rest.enabled", "false");
        config.put("kafkastore.fetch.min.bytes", Integer.toString(1024 * 1024));
        config.put("kafkastore.fetch.max.wait.ms", FETCH_MAX_WAIT_MS);
        return Castle.start(config);
    }
}
