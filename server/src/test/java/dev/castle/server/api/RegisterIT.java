package dev.castle.server.api;

import static dev.castle.server.api.Api.schemaBody;
import static dev.castle.server.api.Api.subject;
import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code POST /subjects/{s}/versions} (spec §2.3, §4.1) as seen by a client. */
class RegisterIT {
    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("register");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void shouldAnswerTheIdAndTheGuid() {
        String schema = Avro.record("IdOnly", "a:int");
        Reply reply = api.post("/subjects/" + subject("id-only") + "/versions", schemaBody(schema));

        assertOk(reply);
        assertThat(reply.body()).isEqualTo("{\"id\":" + reply.id() + ",\"guid\":\"" + Api.guid(schema) + "\"}");
    }

    @Test
    void shouldReturnOriginalIdsWhenReRegisteringTenSchemas() {
        List<String> subjects = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String s = subject("ten");
            subjects.add(s);
            ids.add(api.register(s, Avro.record("Ten" + i, "a:int")));
        }

        for (int i = 0; i < 10; i++) {
            assertThat(api.register(subjects.get(i), Avro.record("Ten" + i, "a:int")))
                    .isEqualTo(ids.get(i));
            assertThat(api.get("/subjects/" + subjects.get(i) + "/versions").ints())
                    .containsExactly(1);
        }
        assertThat(ids).doesNotHaveDuplicates();
    }

    /**
     * A re-registration's answer is kept only until the next record: after the version is deleted, the same request
     * goes to the leader again and makes a new version (a kept answer would have answered without one).
     */
    @Test
    void shouldRegisterANewVersionWhenTheVersionARepeatedRequestFoundWasDeleted() {
        String s = subject("kept");
        String schema = Avro.record("Kept", "a:int");
        int id = api.register(s, schema);
        assertThat(api.register(s, schema)).isEqualTo(id);
        assertThat(api.register(s, schema)).isEqualTo(id);

        assertOk(api.delete("/subjects/" + s + "/versions/1"));
        assertThat(api.register(s, schema)).isEqualTo(id);

        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(2);
    }

    @Test
    void shouldRejectInvalidDefaultOnRegisterAndCompatibilityCheck() {
        String s = subject("bad-default");
        String schema =
                "{\"type\":\"record\",\"name\":\"BadDefault\",\"fields\":[{\"name\":\"f\",\"type\":\"string\",\"default\":null}]}";

        assertError(api.post("/subjects/" + s + "/versions", schemaBody(schema)), 422, 42201);
        assertError(api.post("/compatibility/subjects/" + s + "/versions/latest", schemaBody(schema)), 422, 42201);
    }

    @Test
    void shouldAcceptAnInvalidDefaultWhenConfluents7xSwitchTurnsValidationOff() {
        String schema =
                "{\"type\":\"record\",\"name\":\"Lenient\",\"fields\":[{\"name\":\"f\",\"type\":\"string\",\"default\":null}]}";
        try (Api lenient = Api.start("lenient", Map.of("schema.providers.avro.validate.defaults", "false"))) {
            String s = subject("lenient");

            assertOk(lenient.post("/subjects/" + s + "/versions", schemaBody(schema)));
            assertError(
                    lenient.post("/subjects/" + subject("normalized") + "/versions?normalize=true", schemaBody(schema)),
                    422,
                    42201);
        }
    }

    @Test
    void shouldRejectUnparsableAvro() {
        assertError(
                api.post("/subjects/" + subject("unparsable") + "/versions", schemaBody("{\"type\":\"recrd\"}")),
                422,
                42201);
    }

    @Test
    void shouldNameAnUndefinedTypeAsWrittenAndNoPlaceholder() {
        String s = subject("undefined-type");
        String schema =
                "{\"type\":\"record\",\"name\":\"Undefined\",\"fields\":[{\"name\":\"f\",\"type\":\"invalid_type\"}]}";

        Reply reply = api.post("/subjects/" + s + "/versions", schemaBody(schema));

        assertError(
                reply,
                422,
                42201,
                "Invalid schema {subject=" + s + ",version=0,id=-1,schemaType=AVRO,references=[],metadata=null,"
                        + "ruleSet=null,schema=" + schema + ",schemaTags=null} with refs [] of type AVRO, details: "
                        + "\"invalid_type\" is not a defined name. The type of the \"f\" field must be a defined"
                        + " name or a {\"type\": ...} expression.");
        assertThat(api.post("/subjects/" + s + "/versions", schemaBody("{\"type\":\"invalid_type\"}"))
                        .message())
                .endsWith("details: Type not supported: invalid_type")
                .doesNotContain("UnresolvedSchema");
    }

    @Test
    void shouldRejectUnknownSchemaType() {
        String body = "{\"schema\":\"\\\"string\\\"\",\"schemaType\":\"FOO\"}";

        assertError(
                api.post("/subjects/" + subject("foo-type") + "/versions", body),
                422,
                42201,
                "Invalid schema type FOO");
    }

    @Test
    void shouldRejectEmptySchemaWhenNoPreviousVersion() {
        assertError(api.post("/subjects/" + subject("empty") + "/versions", "{}"), 422, 42201, "Empty schema");
    }

    @Test
    void shouldReuseLatestSchemaWhenSchemaIsMissingAndAVersionExists() {
        String s = subject("reuse");
        int id = api.register(s, Avro.record("Reuse", "a:int"));

        Reply reply = api.post("/subjects/" + s + "/versions", "{}");

        assertOk(reply);
        assertThat(reply.id()).isEqualTo(id);
    }

    @Test
    void shouldIgnoreUnknownBodyFields() {
        String body = "{\"schema\":" + Avro.quoted(Avro.record("Extra", "a:int")) + ",\"extra\":{\"x\":1}}";

        assertOk(api.post("/subjects/" + subject("extra") + "/versions", body));
    }

    @Test
    void shouldAnswer400ForMalformedJsonAndWrongShape() {
        String s = subject("malformed");

        Reply malformed = api.post("/subjects/" + s + "/versions", "{x");
        Reply shape = api.post("/subjects/" + s + "/versions", "\"just a string\"");

        assertError(malformed, 400, 400);
        assertError(shape, 400, 400);
    }

    @Test
    void shouldAnswer422ForMissingBody() {
        Reply reply = api.post("/subjects/" + subject("no-body") + "/versions", null);

        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(422);
    }

    @Test
    void shouldCompareAndSetVersion() {
        String s = subject("cas");
        api.register(s, Avro.record("Cas", "a:int"));
        String next = Avro.withDefaultedField(Avro.record("Cas", "a:int"), "b");

        Reply wrong = api.post("/subjects/" + s + "/versions", "{\"schema\":" + Avro.quoted(next) + ",\"version\":3}");
        Reply right = api.post("/subjects/" + s + "/versions", "{\"schema\":" + Avro.quoted(next) + ",\"version\":2}");

        assertError(wrong, 422, 42201, "Version is not one more than previous version");
        assertOk(right);
        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(1, 2);
    }

    @Test
    void shouldRefuseExplicitIdOutsideImportMode() {
        String s = subject("explicit-id");

        Reply reply = api.post(
                "/subjects/" + s + "/versions",
                "{\"schema\":" + Avro.quoted(Avro.record("ExplicitId", "a:int")) + ",\"id\":9400}");

        assertError(reply, 422, 42205, "Subject " + s + " is not in import or forward mode");
    }

    @Test
    void shouldRejectReservedSubjectNames() {
        for (String reserved : new String[] {"__GLOBAL", "__EMPTY"}) {
            assertError(
                    api.post("/subjects/" + reserved + "/versions", schemaBody(Avro.record("Reserved", "a:int"))),
                    422,
                    42208,
                    "The specified subject '" + reserved + "' is not a valid.");
        }
    }

    @Test
    void shouldRejectConfigForInvalidSubject() {
        String bad = "\rbad\nsubject\t";

        assertError(
                api.put("/config/" + TestHttp.encode(bad), "{\"compatibility\":\"FULL\"}"),
                422,
                42208,
                "The specified subject '" + bad + "' is not a valid.");
    }
}
