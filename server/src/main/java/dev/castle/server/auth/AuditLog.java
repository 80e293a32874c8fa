package dev.castle.server.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.domain.json.Jackson;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JSON line per write a known user sent, on the logger {@code castle.audit} (route it to a file of its own): who,
 * what, on which subject, the answer's status and, when the answer carries them, the id and version(s). A write a
 * follower forwarded is logged by both nodes; the leader's line says {@code "forwarded":true}.
 */
final class AuditLog {
    static final String LOGGER = "castle.audit";
    private static final Logger audit = LoggerFactory.getLogger(LOGGER);
    private static final ObjectMapper MAPPER = Jackson.MAPPER;

    private AuditLog() {}

    /** Who sent a write, kept on the request until its answer is known. */
    record Entry(String user, String subject) {}

    static void write(Context ctx, Entry entry) {
        if (!audit.isInfoEnabled()) {
            return;
        }
        ObjectNode line = MAPPER.createObjectNode()
                .put("user", entry.user())
                .put("method", ctx.method().name())
                .put("path", ctx.path());
        if (entry.subject() != null) {
            line.put("subject", entry.subject());
        }
        line.put("status", ctx.statusCode());
        if (ctx.statusCode() / 100 == 2) {
            answered(line, ctx.result());
        }
        line.put("forwarded", "true".equalsIgnoreCase(ctx.header("X-Forward")));
        String requestId = ctx.res().getHeader("X-Request-ID");
        if (requestId != null) {
            line.put("request_id", requestId);
        }
        audit.info("{}", line);
    }

    /** {@code {"id":..,"version":..}} of a registration, the version a delete returns, or the versions of a subject. */
    private static void answered(ObjectNode line, String body) {
        if (body == null || body.isEmpty()) {
            return;
        }
        JsonNode answer;
        try {
            answer = MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return;
        }
        if (answer.isObject()) {
            copyInt(answer, "id", line);
            copyInt(answer, "version", line);
        } else if (answer.isInt()) {
            line.put("version", answer.asInt());
        } else if (answer.isArray() && answer.size() > 0 && answer.get(0).isInt()) {
            line.set("versions", answer);
        }
    }

    private static void copyInt(JsonNode from, String name, ObjectNode to) {
        JsonNode value = from.get(name);
        if (value != null && value.isInt()) {
            to.put(name, value.asInt());
        }
    }
}
