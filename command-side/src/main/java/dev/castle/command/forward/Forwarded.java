package dev.castle.command.forward;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.OptionalLong;

/**
 * The leader's successful answer to a forwarded write.
 *
 * @param body the response body, sent on to the client as it is
 * @param appliedOffset the log offset the leader had applied when it answered ({@link Forwarder#OFFSET_HEADER}); a
 *     follower waits for its own store to reach it; empty when the leader is not Castle
 */
public record Forwarded(JsonNode body, OptionalLong appliedOffset) {}
