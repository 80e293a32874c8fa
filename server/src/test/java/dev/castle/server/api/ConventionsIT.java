package dev.castle.server.api;

import static dev.castle.server.api.Api.V1_JSON;
import static dev.castle.server.api.Api.schemaBody;
import static dev.castle.server.api.Api.subject;
import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.testing.Reply;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP conventions (spec §1): content negotiation, generic error bodies, headers, root and metadata routes. */
class ConventionsIT {
    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("conventions");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static Reply getAccepting(String accept) {
        return api.send("GET", "/subjects", null, accept, null);
    }

    @Test
    void shouldDefaultToSchemaRegistryV1Type() {
        for (String accept : new String[] {null, "*/*", "*", "application/*", "*/anything"}) {
            Reply reply = getAccepting(accept);
            assertOk(reply);
            assertThat(reply.contentType()).as("for Accept %s", accept).isEqualTo(V1_JSON);
        }
    }

    @Test
    void shouldAnswerTheBestAcceptedType() {
        assertThat(getAccepting("application/json").contentType()).isEqualTo("application/json");
        assertThat(getAccepting("application/vnd.schemaregistry+json").contentType())
                .isEqualTo("application/vnd.schemaregistry+json");
        assertThat(getAccepting(
                                "application/vnd.schemaregistry.v2+json; q=0.1, application/vnd.schemaregistry+json; q=0.9")
                        .contentType())
                .isEqualTo("application/vnd.schemaregistry+json");
    }

    @Test
    void shouldAnswer406WhenNothingAcceptableIsOffered() {
        for (String accept :
                new String[] {"application/vnd.schemaregistry.v2+json", "text/*", "application/octet-stream"}) {
            assertError(getAccepting(accept), 406, 406, "HTTP 406 Not Acceptable");
        }
    }

    @Test
    void shouldAnswer415ForUnsupportedRequestType() {
        Reply reply = api.send(
                "POST",
                "/subjects/" + subject("html") + "/versions",
                schemaBody(Avro.record("Html", "a:int")),
                null,
                "text/html");

        assertError(reply, 415, 415, "HTTP 415 Unsupported Media Type");
        assertThat(reply.contentType()).isEqualTo(V1_JSON);
    }

    @Test
    void shouldAcceptEveryJsonRequestTypeWithParameters() {
        for (String type : new String[] {
            V1_JSON,
            "application/vnd.schemaregistry+json",
            "application/json",
            "application/octet-stream",
            V1_JSON + "; charset=utf-8"
        }) {
            Reply reply = api.send(
                    "POST",
                    "/subjects/" + subject("types") + "/versions",
                    schemaBody(Avro.record("Types", "a:int")),
                    null,
                    type);
            assertOk(reply);
        }
    }

    @Test
    void shouldSendTheBareMediaTypeOnEveryAnswer() {
        String subject = subject("bare");
        int id = api.register(subject, Avro.record("Bare", "a:int"));
        Map<String, Reply> replies = new LinkedHashMap<>();
        replies.put(
                "register", api.post("/subjects/" + subject + "/versions", schemaBody(Avro.record("Bare", "a:int"))));
        replies.put("schema by id", api.get("/schemas/ids/" + id));
        replies.put("raw schema", api.get("/schemas/ids/" + id + "/schema"));
        replies.put("version", api.get("/subjects/" + subject + "/versions/1"));
        replies.put("config", api.get("/config"));
        replies.put("config update", api.put("/config/" + subject, "{\"compatibility\":\"NONE\"}"));
        replies.put("40401", api.get("/subjects/" + subject("missing") + "/versions"));
        replies.put("42201", api.post("/subjects/" + subject + "/versions", schemaBody("{")));
        replies.put("404", api.get("/no/such/route"));
        replies.put("405", api.delete("/schemas/types"));
        replies.put("406", getAccepting("text/*"));
        replies.put("400 from Jackson", api.post("/subjects/" + subject + "/versions", "{x}"));
        // last: Jetty closes the connection after a bad message, and a client may not notice before reusing it
        replies.put("400 from Jetty", api.get("/subjects/%00/versions"));

        assertThat(replies)
                .allSatisfy((what, reply) ->
                        assertThat(reply.contentType()).as(what + ": " + reply).isEqualTo(V1_JSON));
        assertThat(api.send("GET", "/schemas/ids/" + id + "/schema", null, "application/json", null)
                        .contentType())
                .isEqualTo("application/json");
        assertThat(api.send("GET", "/subjects/" + subject("none") + "/versions", null, "application/json", null)
                        .contentType())
                .isEqualTo("application/json");
    }

    @Test
    void shouldAnswerGeneric404And405Bodies() {
        assertError(api.get("/no/such/route"), 404, 404, "HTTP 404 Not Found");
        assertError(api.delete("/schemas/types"), 405, 405, "HTTP 405 Method Not Allowed");
    }

    @Test
    void shouldAnswer400WithJacksonMessageForInvalidJson() {
        Reply reply = api.post("/subjects/" + subject("bad-json") + "/versions", "{x}");

        assertError(reply, 400, 400);
        assertThat(reply.message()).startsWith("Unexpected character ('x' (code 120))");
    }

    @Test
    void shouldAnswerJacksonsMismatchNamingConfluentsTypeForBodiesThatAreNotObjects() {
        String subject = subject("shape");
        api.register(subject, Avro.record("Shape", "a:int"));
        Map<String, String> types = new LinkedHashMap<>();
        types.put("POST /subjects/" + subject + "/versions", "requests.RegisterSchemaRequest");
        types.put("POST /subjects/" + subject, "requests.RegisterSchemaRequest");
        types.put("POST /compatibility/subjects/" + subject + "/versions/latest", "requests.RegisterSchemaRequest");
        types.put("POST /compatibility/subjects/" + subject + "/versions", "requests.RegisterSchemaRequest");
        types.put("PUT /config", "requests.ConfigUpdateRequest");
        types.put("PUT /config/" + subject, "requests.ConfigUpdateRequest");
        types.put("PUT /mode", "requests.ModeUpdateRequest");
        types.put("PUT /mode/" + subject, "requests.ModeUpdateRequest");

        types.forEach((route, type) -> {
            String[] methodAndPath = route.split(" ", 2);
            String named = "`io.confluent.kafka.schemaregistry.client.rest.entities." + type + "`";
            Reply array = api.send(methodAndPath[0], methodAndPath[1], "[]", V1_JSON, V1_JSON);
            Reply number = api.send(methodAndPath[0], methodAndPath[1], "1", V1_JSON, V1_JSON);

            assertError(
                    array,
                    400,
                    400,
                    "Cannot deserialize value of type " + named + " from Array value (token `JsonToken.START_ARRAY`)");
            assertError(
                    number,
                    400,
                    400,
                    "Cannot construct instance of " + named + " (although at least one Creator exists):"
                            + " no int/Int-argument constructor/factory method to deserialize from Number value (1)");
        });
        Reply string = api.post("/subjects/" + subject + "/versions", "\"x\"");
        assertThat(string.message()).doesNotContain("castle").contains("RegisterSchemaRequest");
    }

    @Test
    void shouldTakeABareStringModeBodyAsConfluentDoes() {
        String subject = subject("bare-mode");

        Reply reply = api.put("/mode/" + subject, "\"READONLY\"");

        assertOk(reply);
        assertThat(reply.json().path("mode").asText()).isEqualTo("READONLY");
        assertThat(api.get("/mode/" + subject).json().path("mode").asText()).isEqualTo("READONLY");
    }

    @Test
    void shouldSendConfluentHeaders() {
        Reply reply = api.get("/subjects");
        String requestId = UUID.randomUUID().toString();
        Reply echoed = api.send("GET", "/subjects", null, null, null, "X-Request-ID", requestId);

        assertThat(reply.header("X-XSS-Protection")).contains("1; mode=block");
        assertThat(reply.header("Cache-Control")).contains("no-cache, no-store, must-revalidate");
        assertThat(reply.header("Strict-Transport-Security")).isEmpty();
        assertThat(reply.header("X-Request-ID").orElseThrow()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-.*");
        assertThat(echoed.header("X-Request-ID")).contains(requestId);
    }

    @Test
    void shouldAnswerRootWithEmptyObject() {
        assertThat(api.get("/").body()).isEqualTo("{}");
        assertThat(api.post("/", "{\"any\":1}").body()).isEqualTo("{}");
    }

    @Test
    void shouldDescribeClusterAndVersion() {
        JsonNode id = api.get("/v1/metadata/id").json();
        JsonNode version = api.get("/v1/metadata/version").json();

        assertThat(id.path("id").asText("")).isEmpty();
        assertThat(id.path("scope").path("path").isArray()).isTrue();
        assertThat(id.path("scope").path("path")).isEmpty();
        assertThat(id.path("scope").path("clusters").isObject()).isTrue();
        assertThat(version.path("version").asText()).isNotEmpty();
    }
}
