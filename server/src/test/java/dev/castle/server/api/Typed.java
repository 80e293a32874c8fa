package dev.castle.server.api;

import static dev.castle.testing.TestHttp.encode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.testing.Reply;

/** Request bodies and registrations that name a {@code schemaType} (JSON, PROTOBUF) and may carry references. */
final class Typed {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Typed() {}

    /**
     * {@code {"schema": ..., "schemaType": type, "references": [...]}}; a null {@code type} is left out, and so are
     * references when there are none; {@code refs} are (name, subject, version).
     */
    static String body(String type, String schema, Object... refs) {
        ObjectNode body = MAPPER.createObjectNode().put("schema", schema);
        if (type != null) {
            body.put("schemaType", type);
        }
        if (refs.length > 0) {
            var array = body.putArray("references");
            for (int i = 0; i < refs.length; i += 3) {
                array.addObject()
                        .put("name", (String) refs[i])
                        .put("subject", (String) refs[i + 1])
                        .put("version", (Integer) refs[i + 2]);
            }
        }
        return body.toString();
    }

    /** Registers and returns the reply, whatever it is. */
    static Reply post(Api api, String subject, String type, String schema, Object... refs) {
        return api.post("/subjects/" + encode(subject) + "/versions", body(type, schema, refs));
    }

    /** Registers and returns the id, failing the test when the registry refuses. */
    static int register(Api api, String subject, String type, String schema, Object... refs) {
        Reply reply = post(api, subject, type, schema, refs);
        if (reply.status() != 200) {
            throw new AssertionError("register " + type + " under " + subject + " failed: " + reply);
        }
        return reply.id();
    }
}
