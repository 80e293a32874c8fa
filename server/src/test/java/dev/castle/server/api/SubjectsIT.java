package dev.castle.server.api;

import static dev.castle.server.api.Api.schemaBody;
import static dev.castle.server.api.Api.subject;
import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static dev.castle.server.api.ApiAssertions.versionError;
import static dev.castle.testing.TestHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The read routes under {@code /subjects} (spec §2.3) and the subject edge cases of §12. */
class SubjectsIT {
    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("subjects");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void shouldAnswer40401ForVersionsOfNeverRegisteredSubject() {
        String s = subject("never");

        assertError(api.get("/subjects/" + s + "/versions"), 404, 40401, "Subject '" + s + "' not found.");
    }

    @Test
    void shouldListRegisteredSubjectsSorted() {
        String b = subject("list-b");
        String a = subject("list-a");
        api.register(b, Avro.record("ListB", "a:int"));
        api.register(a, Avro.record("ListA", "a:int"));

        var subjects = api.get("/subjects").strings();

        assertThat(subjects).contains(a, b).isSorted();
    }

    @Test
    void shouldServeVersionAsSchemaEntityWithoutAvroType() {
        String s = subject("entity");
        String schema = Avro.record("Entity", "a:int");
        int id = api.register(s, schema);

        Reply reply = api.get("/subjects/" + s + "/versions/1");

        assertOk(reply);
        assertThat(reply.json().path("subject").asText()).isEqualTo(s);
        assertThat(reply.json().path("version").asInt()).isEqualTo(1);
        assertThat(reply.json().path("id").asInt()).isEqualTo(id);
        assertThat(reply.json().path("schema").asText()).isEqualTo(schema);
        assertThat(reply.json().has("schemaType")).isFalse();
        assertThat(reply.json().has("references")).isFalse();
    }

    @Test
    void shouldResolveLatestAndMinusOneToHighestVersion() {
        String s = subject("latest");
        api.register(s, Avro.record("Latest", "a:int"));
        api.register(s, Avro.withDefaultedField(Avro.record("Latest", "a:int"), "b"));

        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(1, 2);
        assertThat(api.get("/subjects/" + s + "/versions/latest")
                        .json()
                        .path("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.get("/subjects/" + s + "/versions/-1")
                        .json()
                        .path("version")
                        .asInt())
                .isEqualTo(2);
        assertThat(api.get("/subjects/" + s + "/versions?offset=1&limit=1").ints())
                .containsExactly(2);
    }

    @Test
    void shouldAnswer40402ForMissingVersionAnd42202ForInvalidOne() {
        String s = subject("bad-version");
        api.register(s, Avro.record("BadVersion", "a:int"));

        assertError(api.get("/subjects/" + s + "/versions/200"), 404, 40402, "Version 200 not found.");
        for (String bad : new String[] {"0", "-2", "invalid", "earliest"}) {
            assertError(api.get("/subjects/" + s + "/versions/" + bad), 422, 42202, versionError(bad));
            assertError(api.get("/subjects/" + s + "/versions/" + bad + "/schema"), 422, 42202, versionError(bad));
        }
    }

    @Test
    void shouldServeRawSchemaOfVersionWithConfluentErrors() {
        String s = subject("raw-version");
        String schema = Avro.record("RawVersion", "a:int");
        api.register(s, schema);
        String unknown = subject("raw-unknown");

        assertThat(api.get("/subjects/" + s + "/versions/1/schema").body()).isEqualTo(schema);
        assertThat(api.get("/subjects/" + s + "/versions/latest/schema").body()).isEqualTo(schema);
        assertError(
                api.get("/subjects/" + unknown + "/versions/1/schema"),
                404,
                40401,
                "Subject '" + unknown + "' not found.");
        assertError(api.get("/subjects/" + s + "/versions/2/schema"), 404, 40402, "Version 2 not found.");
    }

    @Test
    void shouldLookUpSchemaAndAnswerWithStoredText() {
        String s = subject("lookup");
        String schema = Avro.record("Lookup", "a:int");
        int id = api.register(s, schema);
        String spaced =
                "{ \"type\" : \"record\", \"name\" : \"Lookup\", \"fields\" : [ {\"name\":\"a\",\"type\":\"int\"} ] }";

        Reply reply = api.post("/subjects/" + s, schemaBody(spaced));

        assertOk(reply);
        assertThat(reply.json().path("subject").asText()).isEqualTo(s);
        assertThat(reply.json().path("version").asInt()).isEqualTo(1);
        assertThat(reply.json().path("id").asInt()).isEqualTo(id);
        assertThat(reply.json().path("schema").asText()).isEqualTo(schema);
        assertThat(reply.json().has("schemaType")).isFalse();
    }

    @Test
    void shouldAnswer40401And40403ForLookupMisses() {
        String s = subject("lookup-miss");
        api.register(s, Avro.record("LookupMiss", "a:int"));
        String unknown = subject("lookup-unknown");

        assertError(
                api.post("/subjects/" + unknown, schemaBody(Avro.record("X", "a:int"))),
                404,
                40401,
                "Subject '" + unknown + "' not found.");
        assertError(
                api.post("/subjects/" + s, schemaBody(Avro.record("Other", "a:int"))), 404, 40403, "Schema not found");
    }

    @Test
    void shouldAnswer422ForInvalidOrMissingLookupBody() {
        String s = subject("lookup-invalid");
        api.register(s, Avro.record("LookupInvalid", "a:int"));
        String unknown = subject("lookup-nobody");

        assertError(api.post("/subjects/" + s, schemaBody("{\"type\":\"recrd\"}")), 422, 42201);
        Reply missing = api.post("/subjects/" + unknown, null);
        assertThat(missing.status()).isEqualTo(422);
    }

    @Test
    void shouldRejectSubjectWithControlCharacters() {
        String bad = "\rbad\nsubject\t";

        Reply reply = api.post("/subjects/" + encode(bad) + "/versions", schemaBody(Avro.record("Bad", "a:int")));

        assertError(reply, 422, 42208, "The specified subject '" + bad + "' is not a valid.");
    }

    @Test
    void shouldAcceptSubjectsWithQuotesBracesColonsAndSlashes() {
        String s = subject("odd\"{:}'/chars");
        String schema = Avro.record("Odd", "a:int");
        int id = api.register(s, schema);

        assertThat(api.get("/subjects").strings()).contains(s);
        assertThat(api.get("/subjects/" + encode(s) + "/versions").ints()).containsExactly(1);
        assertThat(api.get("/subjects/" + encode(s) + "/versions/1")
                        .json()
                        .path("subject")
                        .asText())
                .isEqualTo(s);
        assertThat(api.post("/subjects/" + encode(s), schemaBody(schema)).id()).isEqualTo(id);
    }

    @Test
    void shouldListIdsReferencingAVersionAndShowReferences() {
        String target = subject("referenced");
        String referrer = subject("referrer");
        api.register(target, Avro.record("Referenced", "a:int"));
        String schema =
                "{\"type\":\"record\",\"name\":\"Referrer\",\"fields\":[{\"name\":\"r\",\"type\":\"Referenced\"}]}";

        Reply registered = api.post("/subjects/" + referrer + "/versions", schemaBody(schema, "Referenced", target, 1));
        assertOk(registered);

        assertThat(api.get("/subjects/" + target + "/versions/1/referencedby").ints())
                .containsExactly(registered.id());
        assertThat(api.get("/subjects/" + referrer + "/versions/1")
                        .json()
                        .path("references")
                        .toString())
                .isEqualTo("[{\"name\":\"Referenced\",\"subject\":\"" + target + "\",\"version\":1}]");
        assertThat(api.get("/schemas/ids/" + registered.id())
                        .json()
                        .path("references")
                        .size())
                .isEqualTo(1);
    }

    @Test
    void shouldRejectReferenceToMissingVersionWithoutCreatingSubject() {
        String s = subject("bad-ref");
        String schema = "{\"type\":\"record\",\"name\":\"BadRef\",\"fields\":[{\"name\":\"r\",\"type\":\"bad\"}]}";

        Reply reply = api.post("/subjects/" + s + "/versions", schemaBody(schema, "bad", "bad", 100));

        assertError(reply, 422, 42201);
        assertThat(api.get("/subjects").strings()).doesNotContain(s);
    }
}
