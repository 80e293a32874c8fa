package dev.castle.server.api;

import static dev.castle.server.api.Api.schemaBody;
import static dev.castle.server.api.Api.subject;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code format=} (spec §8.3), normalization and lookup through references (§4.3, §8.2, §12 item 22), for Avro. */
class FormatsIT {
    private static final String TARGET = Avro.record("Target", "a:int");
    private static final String REFERRER =
            "{\"type\":\"record\",\"name\":\"Referrer\",\"fields\":[{\"name\":\"t\",\"type\":\"Target\"}]}";
    private static final String RESOLVED = "{\"type\":\"record\",\"name\":\"Referrer\",\"fields\":[{\"name\":\"t\","
            + "\"type\":{\"type\":\"record\",\"name\":\"Target\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}}]}";

    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("formats");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    /** Registers Target and a Referrer pointing at it; returns the referrer's subject and id. */
    private static Object[] referrer() {
        String target = subject("target");
        String referrer = subject("referrer");
        api.register(target, TARGET);
        Reply reply = api.post("/subjects/" + referrer + "/versions", schemaBody(REFERRER, "Target", target, 1));
        assertOk(reply);
        return new Object[] {referrer, reply.id()};
    }

    @Test
    void shouldInlineReferencesWhenFormatIsResolved() {
        Object[] registered = referrer();
        String s = (String) registered[0];
        int id = (Integer) registered[1];

        assertThat(api.get("/schemas/ids/" + id + "?format=resolved")
                        .json()
                        .path("schema")
                        .asText())
                .isEqualTo(RESOLVED);
        assertThat(api.get("/schemas/ids/" + id + "/schema?format=resolved").body())
                .isEqualTo(RESOLVED);
        assertThat(api.get("/subjects/" + s + "/versions/1?format=resolved")
                        .json()
                        .path("schema")
                        .asText())
                .isEqualTo(RESOLVED);
        assertThat(api.get("/subjects/" + s + "/versions/1/schema?format=resolved")
                        .body())
                .isEqualTo(RESOLVED);
    }

    @Test
    void shouldServeStoredTextForUnknownOrEmptyFormat() {
        Object[] registered = referrer();
        int id = (Integer) registered[1];

        Reply unknown = api.get("/schemas/ids/" + id + "?format=nonsense");
        Reply empty = api.get("/schemas/ids/" + id + "?format=");

        assertOk(unknown);
        assertThat(unknown.json().path("schema").asText()).isEqualTo(REFERRER);
        assertThat(empty.json().path("schema").asText()).isEqualTo(REFERRER);
    }

    @Test
    void shouldLookUpSchemaWithReferencesInlined() {
        Object[] registered = referrer();
        String s = (String) registered[0];

        Reply found = api.post("/subjects/" + s, schemaBody(RESOLVED));

        assertOk(found);
        assertThat(found.json().path("id").asInt()).isEqualTo(registered[1]);
        assertThat(found.json().path("schema").asText()).isEqualTo(REFERRER);
    }

    @Test
    void shouldMatchReorderedPropertiesWhenNormalizing() {
        String s = subject("normalize");
        String posted = "{\"type\":\"record\",\"name\":\"Norm\",\"namespace\":\"n\",\"fields\":[{\"name\":\"a\","
                + "\"type\":\"int\"}]}";
        String reordered = "{\"fields\":[{\"type\":\"int\",\"name\":\"a\"}],\"namespace\":\"n\",\"name\":\"Norm\","
                + "\"type\":\"record\"}";
        Reply registered = api.post("/subjects/" + s + "/versions?normalize=true", schemaBody(posted));
        assertOk(registered);

        Reply found = api.post("/subjects/" + s + "?normalize=true", schemaBody(reordered));
        Reply again = api.post("/subjects/" + s + "/versions?normalize=true", schemaBody(reordered));

        assertOk(found);
        assertThat(found.json().path("id").asInt()).isEqualTo(registered.id());
        assertThat(again.id()).isEqualTo(registered.id());
        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(1);
    }
}
