package dev.castle.server.api;

import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every schema endpoint for JSON Schema over HTTP (spec §2, §4.3, §12 item 59). */
class JsonSchemaIT {
    private static final String JSON = "JSON";
    /** KP's closed objects: only the named integer properties are allowed. */
    private static final String A_INT_CLOSED = closed("a");

    private static final String B_INT_CLOSED = closed("b");
    private static final String A_B_INT_CLOSED = closed("a", "b");

    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("json-schema");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static String closed(String... properties) {
        StringBuilder text = new StringBuilder("{\"type\":\"object\",\"properties\":{");
        for (int i = 0; i < properties.length; i++) {
            text.append(i == 0 ? "" : ",").append('"').append(properties[i]).append("\":{\"type\":\"integer\"}");
        }
        return text.append("},\"additionalProperties\":false}").toString();
    }

    /** A schema distinct per subject, so ids do not collide between tests. */
    private static String titled(String s) {
        return "{\"title\":\"" + s + "\",\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"number\"}}}";
    }

    @Test
    void shouldGiveTheSameIdToTheSameSchemaUnderSameAndOtherSubjects() {
        String s = Api.subject("same");
        String text = titled(s);

        int first = Typed.register(api, s, JSON, text);
        int again = Typed.register(api, s, JSON, text);
        int spaced = Typed.register(api, s, JSON, text.replace(",", " ,\n  "));
        int elsewhere = Typed.register(api, Api.subject("same-other"), JSON, text);

        assertThat(again).isEqualTo(first);
        assertThat(spaced).isEqualTo(first);
        assertThat(elsewhere).isEqualTo(first);
        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(1);
    }

    @Test
    void shouldAnswerReadsWithSchemaTypeJson() {
        String s = Api.subject("reads");
        String text = titled(s);
        int id = Typed.register(api, s, JSON, text);
        String quoted = TestHttp.json(text);
        String guid = Api.guid(text);

        assertThat(api.get("/schemas/ids/" + id).body())
                .isEqualTo("{\"guid\":\"" + guid + "\",\"schemaType\":\"JSON\",\"schema\":" + quoted + "}");
        assertThat(api.get("/schemas/ids/" + id + "/schema").body()).isEqualTo(text);
        assertThat(api.get("/subjects/" + s + "/versions/1").body())
                .isEqualTo("{\"subject\":\"" + s + "\",\"version\":1,\"id\":" + id + ",\"guid\":\"" + guid
                        + "\",\"schemaType\":\"JSON\",\"schema\":" + quoted + "}");
        assertThat(api.get("/subjects/" + s + "/versions/1/schema").body()).isEqualTo(text);
        assertThat(api.get("/schemas?subjectPrefix=" + s).body())
                .isEqualTo("[{\"subject\":\"" + s + "\",\"version\":1,\"id\":" + id + ",\"guid\":\"" + guid
                        + "\",\"schemaType\":\"JSON\",\"schema\":" + quoted + "}]");
        assertThat(api.get("/schemas/ids/" + id + "/subjects").strings()).containsExactly(s);
    }

    @Test
    void shouldLookUpAWhitespaceVariantAndAnswerTheStoredText() {
        String s = Api.subject("lookup");
        String text = titled(s);
        int id = Typed.register(api, s, JSON, text);

        Reply found = api.post("/subjects/" + s, Typed.body(JSON, text.replace(":", " : ")));
        Reply missing = api.post("/subjects/" + s, Typed.body(JSON, "{\"type\":\"string\"}"));
        Reply avro = api.post("/subjects/" + s, Api.schemaBody("\"string\""));

        assertOk(found);
        assertThat(found.json().path("id").asInt()).isEqualTo(id);
        assertThat(found.json().path("schemaType").asText()).isEqualTo(JSON);
        assertThat(found.json().path("schema").asText()).isEqualTo(text);
        assertError(missing, 404, 40403, "Schema not found");
        assertError(avro, 404, 40403, "Schema not found");
    }

    @Test
    void shouldMatchReorderedKeywordsWhenNormalizing() {
        String s = Api.subject("normalize");
        String text = titled(s);
        String reordered = "{\"properties\":{\"n\":{\"type\":\"number\"}},\"type\":\"object\",\"title\":\"" + s + "\"}";
        Reply registered = api.post("/subjects/" + s + "/versions?normalize=true", Typed.body(JSON, text));
        assertOk(registered);

        Reply again = api.post("/subjects/" + s + "/versions?normalize=true", Typed.body(JSON, reordered));
        Reply found = api.post("/subjects/" + s + "?normalize=true", Typed.body(JSON, reordered));

        assertThat(again.id()).isEqualTo(registered.id());
        assertThat(found.json().path("id").asInt()).isEqualTo(registered.id());
        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(1);
    }

    @Test
    void shouldRefuseAnExtraFieldInAClosedModelAndAcceptAnOptionalOne() {
        String refused = Api.subject("closed-refused");
        String accepted = Api.subject("closed-accepted");
        Typed.register(api, refused, JSON, A_INT_CLOSED);
        Typed.register(api, accepted, JSON, A_INT_CLOSED);

        Reply incompatible = Typed.post(api, refused, JSON, B_INT_CLOSED);
        Reply compatible = Typed.post(api, accepted, JSON, A_B_INT_CLOSED);

        assertError(incompatible, 409, 409);
        assertOk(compatible);
        assertThat(api.get("/subjects/" + accepted + "/versions").ints()).containsExactly(1, 2);
    }

    @Test
    void shouldRejectInvalidJsonSchemaWith42201() {
        String s = Api.subject("invalid");

        Reply notJson = Typed.post(api, s, JSON, "{\"type\":");
        Reply badKeyword = Typed.post(api, s, JSON, "{\"type\":\"no-such-type\"}");

        assertError(notJson, 422, 42201);
        assertThat(notJson.message()).contains("of type JSON");
        assertError(badKeyword, 422, 42201);
        assertError(api.get("/subjects/" + s + "/versions"), 404, 40401);
    }
}
