package dev.castle.command;

import java.util.List;
import java.util.Map;

/**
 * A write as it arrived over HTTP, kept so that a follower can forward it to the leader unchanged (spec §6.3).
 *
 * @param pathAndQuery the request path as routed, with the raw query string if any
 * @param headers header values by name, as received
 */
public record WriteRequest(String method, String pathAndQuery, Map<String, List<String>> headers, byte[] body) {
    /**
     * The response header in which a Castle node reports the log offset its store had applied when it answered a
     * write; a follower that forwarded the write waits until its own store has applied that offset.
     */
    public static final String OFFSET_HEADER = "X-Castle-Offset";

    /** The first value of a header, matched without regard to case, or null. */
    public String header(String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }
}
