package dev.castle.server.api;

import static dev.castle.server.api.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schemas nested deep enough to overflow a parser's stack (but within Jackson's nesting limit for JSON texts) are
 * refused with 42201 on every route that parses, and the node keeps deciding writes afterwards.
 */
class HostileNestingIT {
    private static final int JSON_DEPTH = 900;
    private static final int PROTO_DEPTH = 5_000;

    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("hostile-nesting");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    /** Refused on register and compatibility; lookup (which does not validate) answers {@code lookupCode}. */
    private static void assertRefusedEverywhere(String type, String schema, int lookupStatus, int lookupCode) {
        String s = Api.subject("hostile-" + type);
        String body = Typed.body(type, schema);

        assertError(api.post("/subjects/" + s + "/versions", body), 422, 42201);
        assertError(api.post("/compatibility/subjects/" + s + "/versions/latest", body), 422, 42201);
        assertThat(Typed.register(api, s, type, ordinary(type))).isPositive();
        assertError(api.post("/subjects/" + s, body), lookupStatus, lookupCode);
        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(1);
    }

    private static String ordinary(String type) {
        if (type.equals("PROTOBUF")) {
            return "syntax = \"proto3\"; message Ordinary { int32 a = 1; }";
        }
        return type.equals("JSON") ? "{\"type\":\"string\"}" : "\"string\"";
    }

    @Test
    void shouldRefuseDeeplyNestedJsonSchema() {
        // lookup refuses it as an invalid schema too (spec §2.3: invalid schema → 42201)
        assertRefusedEverywhere("JSON", "{\"items\":".repeat(JSON_DEPTH) + "{}" + "}".repeat(JSON_DEPTH), 422, 42201);
    }

    @Test
    void shouldRefuseDeeplyNestedProtobuf() {
        assertRefusedEverywhere(
                "PROTOBUF",
                "syntax = \"proto3\";" + "message M {".repeat(PROTO_DEPTH) + "}".repeat(PROTO_DEPTH),
                422,
                42201);
    }
}
