package dev.castle.server.api;

import static dev.castle.server.api.Api.subject;
import static dev.castle.server.api.ApiAssertions.assertError;

import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A schema larger than a {@code _schemas} record may be is refused with 42209 (spec §3, §4.1 step 10). */
class LargeSchemaIT {
    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("large");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void shouldRefuseASchemaTooLargeForTheLogWith42209() {
        // given a valid record schema of about 2 MB
        StringBuilder fields = new StringBuilder();
        for (int i = 0; i < 12_000; i++) {
            fields.append(i == 0 ? "" : ",")
                    .append("{\"name\":\"f")
                    .append(i)
                    .append("\",\"type\":\"string\",\"doc\":\"")
                    .append("x".repeat(150))
                    .append("\"}");
        }
        String schema = "{\"type\":\"record\",\"name\":\"Big\",\"fields\":[" + fields + "]}";
        String s = subject("large");

        // when
        Reply reply = api.post("/subjects/" + TestHttp.encode(s) + "/versions", Api.schemaBody(schema));

        // then
        assertError(reply, 422, 42209, "Register operation failed because schema is too large");
        assertError(
                api.get("/subjects/" + TestHttp.encode(s) + "/versions"), 404, 40401, "Subject '" + s + "' not found.");
    }
}
