package dev.castle.server.api;

import static dev.castle.server.api.Api.subject;
import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static dev.castle.testing.TestHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.testing.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /schemas/**} (spec §2.2) and the id rules of §4.2. */
class SchemasIT {
    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("schemas");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void shouldServeSchemaByIdWithoutSchemaTypeForAvro() {
        String schema = Avro.record("ById", "a:int");
        int id = api.register(subject("by-id"), schema);

        Reply reply = api.get("/schemas/ids/" + id);

        assertOk(reply);
        assertThat(reply.body())
                .isEqualTo("{\"guid\":\"" + Api.guid(schema) + "\",\"schema\":" + Avro.quoted(schema) + "}");
    }

    @Test
    void shouldServeASchemaByItsGuidInEveryContextItIsIn() {
        String schema = Avro.record("ByGuid", "a:int");
        String guid = Api.guid(schema);
        String subject = subject("by-guid");
        Reply registered = api.post("/subjects/" + encode(subject) + "/versions", Api.schemaBody(schema));
        int inDefault = registered.id();
        int inContext = api.register(":.guids:" + subject, schema);

        Reply byGuid = api.get("/schemas/guids/" + guid);
        Reply ids = api.get("/schemas/guids/" + guid + "/ids");
        Reply version = api.get("/subjects/" + encode(subject) + "/versions/1");

        assertThat(registered.json().path("guid").asText()).isEqualTo(guid);
        assertThat(version.json().path("guid").asText()).isEqualTo(guid);
        assertOk(byGuid);
        assertThat(byGuid.body()).isEqualTo("{\"guid\":\"" + guid + "\",\"schema\":" + Avro.quoted(schema) + "}");
        assertThat(ids.body())
                .isEqualTo("[{\"context\":\".\",\"id\":" + inDefault + "},{\"context\":\".guids\",\"id\":" + inContext
                        + "}]");
        assertThat(api.get("/schemas/guids/" + guid.replace("-", ""))
                        .json()
                        .path("guid")
                        .asText())
                .isEqualTo(guid);
        assertError(
                api.get("/schemas/guids/00000000-0000-0000-0000-000000000000"),
                404,
                40403,
                "Schema 00000000-0000-0000-0000-000000000000 not found");
        assertThat(api.get("/schemas/guids/nonsense/ids").body()).isEqualTo("[]");
    }

    @Test
    void shouldAnswer40403WithTheIdForUnknownId() {
        assertError(api.get("/schemas/ids/100000"), 404, 40403, "Schema 100000 not found");
    }

    @Test
    void shouldAnswerGeneric404ForNonIntegerId() {
        Reply reply = api.get("/schemas/ids/invalid");

        assertError(reply, 404, 404, "HTTP 404 Not Found");
    }

    @Test
    void shouldAddMaxIdOnlyWhenFetchMaxId() {
        int first = api.register(subject("max-id"), Avro.record("MaxA", "a:int"));
        int last = api.register(subject("max-id"), Avro.record("MaxB", "b:int"));

        JsonNode withMax = api.get("/schemas/ids/" + first + "?fetchMaxId=true").json();
        JsonNode without = api.get("/schemas/ids/" + first).json();

        assertThat(withMax.path("maxId").asInt()).isEqualTo(last);
        assertThat(without.has("maxId")).isFalse();
    }

    @Test
    void shouldServeRawSchemaText() {
        String schema = Avro.record("Raw", "a:long");
        int id = api.register(subject("raw"), schema);

        Reply reply = api.get("/schemas/ids/" + id + "/schema");

        assertOk(reply);
        assertThat(reply.body()).isEqualTo(schema);
        assertError(api.get("/schemas/ids/100001/schema"), 404, 40403, "Schema 100001 not found");
    }

    @Test
    void shouldResolveIdWhatEverSubjectTheClientHints() {
        String schema = Avro.record("Hinted", "a:int");
        int id = api.register(subject("hinted"), schema);

        Reply reply = api.get("/schemas/ids/" + id + "?fetchMaxId=false&subject=" + encode(subject("never-used")));

        assertOk(reply);
        assertThat(reply.json().path("schema").asText()).isEqualTo(schema);
    }

    @Test
    void shouldGiveSameIdToSameSchemaUnderTwoSubjects() {
        String schema = Avro.record("Shared", "a:int");

        int first = api.register(subject("same-a"), schema);
        int second = api.register(subject("same-b"), schema);

        assertThat(second).isEqualTo(first);
    }

    @Test
    void shouldCanonicalizeWhitespaceToTheSameId() {
        String s = subject("canonical");
        int id = api.register(
                s, "{\"type\": \"record\", \"name\": \"Canon\", \"fields\": [{\"name\": \"a\", \"type\": \"int\"}]}");

        int again = api.register(s, Avro.record("Canon", "a:int"));
        Reply stored = api.get("/schemas/ids/" + id + "/schema");

        assertThat(again).isEqualTo(id);
        assertThat(stored.body()).isEqualTo(Avro.record("Canon", "a:int"));
    }

    @Test
    void shouldListSubjectsOfIdHidingSoftDeletedUnlessAsked() {
        String schema = Avro.record("TwoSubjects", "a:int");
        String a = subject("ids-subjects-a");
        String b = subject("ids-subjects-b");
        int id = api.register(a, schema);
        api.register(b, schema);

        assertThat(api.get("/schemas/ids/" + id + "/subjects").strings()).containsExactly(a, b);
        assertThat(api.get("/schemas/ids/" + id + "/subjects?offset=1&limit=1").strings())
                .containsExactly(b);

        assertOk(api.delete("/subjects/" + encode(a) + "/versions/1"));
        assertThat(api.get("/schemas/ids/" + id + "/subjects").strings()).containsExactly(b);
        assertThat(api.get("/schemas/ids/" + id + "/subjects?deleted=true").strings())
                .containsExactly(a, b);
    }

    @Test
    void shouldAnswer40403WithoutIdForListingsOfUnknownId() {
        assertError(api.get("/schemas/ids/100002/subjects"), 404, 40403, "Schema not found");
        assertError(api.get("/schemas/ids/100002/versions"), 404, 40403, "Schema not found");
    }

    @Test
    void shouldListVersionsOfIdHidingSoftDeletedUnlessAsked() {
        String schema = Avro.record("IdVersions", "a:int");
        String a = subject("ids-versions-a");
        String b = subject("ids-versions-b");
        int id = api.register(a, schema);
        api.register(b, schema);

        assertThat(api.get("/schemas/ids/" + id + "/versions").body())
                .isEqualTo("[{\"subject\":\"" + a + "\",\"version\":1},{\"subject\":\"" + b + "\",\"version\":1}]");

        assertOk(api.delete("/subjects/" + encode(b) + "/versions/1"));
        assertThat(api.get("/schemas/ids/" + id + "/versions").json()).hasSize(1);
        assertThat(api.get("/schemas/ids/" + id + "/versions?deleted=true").json())
                .hasSize(2);
    }

    @Test
    void shouldStillResolveIdWhoseVersionsAreAllSoftDeleted() {
        String s = subject("soft-only");
        String schema = Avro.record("SoftOnly", "a:int");
        int id = api.register(s, schema);

        assertOk(api.delete("/subjects/" + encode(s)));

        Reply reply = api.get("/schemas/ids/" + id);
        assertOk(reply);
        assertThat(reply.json().path("schema").asText()).isEqualTo(schema);
    }

    @Test
    void shouldForgetIdAfterHardDeleteAndAllocateNewOneOnReRegistration() {
        String s = subject("hard");
        String schema = Avro.record("HardGone", "a:int");
        int id = api.register(s, schema);
        assertOk(api.delete("/subjects/" + encode(s)));
        assertOk(api.delete("/subjects/" + encode(s) + "?permanent=true"));

        assertError(api.get("/schemas/ids/" + id), 404, 40403, "Schema " + id + " not found");
        int again = api.register(s, schema);

        assertThat(again).isNotEqualTo(id);
    }

    @Test
    void shouldListSchemaTypes() {
        assertThat(api.get("/schemas/types").strings()).containsExactlyInAnyOrder("AVRO", "JSON", "PROTOBUF");
    }

    @Test
    void shouldSearchSchemasByPrefixSortedBySubjectThenVersion() {
        String prefix = subject("search") + "-";
        String b = prefix + "b";
        String a = prefix + "a";
        int b1 = api.register(b, Avro.record("SearchB", "a:int"));
        int a1 = api.register(a, Avro.record("SearchA", "a:int"));
        int a2 = api.register(a, Avro.withDefaultedField(Avro.record("SearchA", "a:int"), "b"));
        List<String> listed = new ArrayList<>();
        JsonNode all = api.get("/schemas?subjectPrefix=" + encode(prefix)).json();
        all.forEach(n -> listed.add(n.path("subject").asText() + "/"
                + n.path("version").asInt() + "/" + n.path("id").asInt()));

        assertThat(listed).containsExactly(a + "/1/" + a1, a + "/2/" + a2, b + "/1/" + b1);
        assertThat(all.get(0).has("schemaType")).isFalse();
        assertThat(all.get(0).path("schema").asText()).isEqualTo(Avro.record("SearchA", "a:int"));
    }

    @Test
    void shouldSearchLatestOnlyDeletedAndPages() {
        String prefix = subject("latest") + "-";
        String a = prefix + "a";
        String b = prefix + "b";
        api.register(a, Avro.record("LatestA", "a:int"));
        api.register(a, Avro.withDefaultedField(Avro.record("LatestA", "a:int"), "b"));
        api.register(b, Avro.record("LatestB", "a:int"));
        String query = "/schemas?subjectPrefix=" + encode(prefix);

        JsonNode latest = api.get(query + "&latestOnly=true").json();
        assertThat(latest).hasSize(2);
        assertThat(latest.get(0).path("subject").asText()).isEqualTo(a);
        assertThat(latest.get(0).path("version").asInt()).isEqualTo(2);
        assertThat(api.get(query + "&offset=1&limit=1")
                        .json()
                        .get(0)
                        .path("version")
                        .asInt())
                .isEqualTo(2);

        assertOk(api.delete("/subjects/" + encode(b) + "/versions/1"));
        assertThat(api.get(query).json()).hasSize(2);
        assertThat(api.get(query + "&deleted=true").json()).hasSize(3);
    }
}
