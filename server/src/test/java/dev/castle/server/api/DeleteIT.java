package dev.castle.server.api;

import static dev.castle.server.api.Api.schemaBody;
import static dev.castle.server.api.Api.subject;
import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static dev.castle.testing.TestHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Soft and permanent deletes (spec §2.3 DELETE routes, §4.4–4.5) and how reads see them. */
class DeleteIT {
    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("delete");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static String v1(String name) {
        return Avro.record(name, "a:int");
    }

    private static String v2(String name) {
        return Avro.withDefaultedField(v1(name), "b");
    }

    @Test
    void shouldWalkVersionThroughSoftAndPermanentDelete() {
        String s = subject("version-delete");
        int id1 = api.register(s, v1("Walk"));
        api.register(s, v2("Walk"));
        String path = "/subjects/" + s + "/versions/1";

        assertError(
                api.delete(path + "?permanent=true"),
                404,
                40407,
                "Subject '" + s + "' Version 1 was not deleted first before being permanently deleted");
        assertThat(api.delete(path).body()).isEqualTo("1");
        assertError(
                api.delete(path),
                404,
                40406,
                "Subject '" + s + "' Version 1 was soft deleted.Set permanent=true to delete permanently");
        assertError(api.get(path), 404, 40402, "Version 1 not found.");
        assertOk(api.get(path + "?deleted=true"));
        assertError(api.post("/subjects/" + s, schemaBody(v1("Walk"))), 404, 40403, "Schema not found");
        assertThat(api.delete(path + "?permanent=true").body()).isEqualTo("1");
        assertError(api.delete(path + "?permanent=true"), 404, 40402, "Version 1 not found.");
        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(2);

        // every subject-version of id1 is gone, so Confluent forgets the id and allocates a new one (spec §4.2)
        assertThat(api.register(s, v1("Walk"))).isNotEqualTo(id1);
        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(2, 3);
    }

    @Test
    void shouldReviveSoftDeletedSchemaWithSameIdAndNewVersion() {
        String s = subject("revive");
        int id1 = api.register(s, v1("Revive"));
        api.register(s, v2("Revive"));
        assertOk(api.delete("/subjects/" + s + "/versions/2"));
        assertOk(api.delete("/subjects/" + s + "/versions/2?permanent=true"));
        assertOk(api.delete("/subjects/" + s + "/versions/1"));

        int again = api.register(s, v1("Revive"));

        assertThat(again).isEqualTo(id1);
        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(2);
        assertThat(api.get("/subjects/" + s + "/versions?deleted=true").ints()).containsExactly(2);
    }

    @Test
    void shouldWalkDownWhenDeletingLatestTwice() {
        String s = subject("latest-twice");
        api.register(s, v1("Twice"));
        api.register(s, v2("Twice"));

        assertThat(api.delete("/subjects/" + s + "/versions/latest").body()).isEqualTo("2");
        assertThat(api.delete("/subjects/" + s + "/versions/latest").body()).isEqualTo("1");
        assertError(api.get("/subjects/" + s + "/versions/latest"), 404, 40401, "Subject '" + s + "' not found.");

        api.register(s, Avro.record("TwiceOther", "x:string"));
        assertThat(api.get("/subjects/" + s + "/versions/latest")
                        .json()
                        .path("version")
                        .asInt())
                .isEqualTo(3);
    }

    @Test
    void shouldAnswer40401ForDeletesOfUnknownSubject() {
        String s = subject("unknown");

        assertError(api.delete("/subjects/" + s + "/versions/1"), 404, 40401, "Subject '" + s + "' not found.");
        assertError(api.delete("/subjects/" + s), 404, 40401, "Subject '" + s + "' not found.");
        assertError(api.delete("/subjects/" + s + "/versions/0"), 422, 42202, ApiAssertions.versionError("0"));
    }

    @Test
    void shouldListSoftDeletedSubjectsOnlyWhenAsked() {
        String prefix = subject("listing") + "-";
        String live = prefix + "live";
        String gone = prefix + "gone";
        api.register(live, v1("Live"));
        api.register(gone, v1("Gone"));
        assertOk(api.delete("/subjects/" + gone));
        String query = "/subjects?subjectPrefix=" + encode(prefix);

        assertThat(api.get(query).strings()).containsExactly(live);
        assertThat(api.get(query + "&deleted=true").strings()).containsExactly(gone, live);
        assertThat(api.get(query + "&deletedOnly=true").strings()).containsExactly(gone);
        assertThat(api.get(query + "&deleted=true&deletedOnly=true").strings()).containsExactly(gone);
        assertThat(api.get(query + "&deleted=true&offset=1&limit=1").strings()).containsExactly(live);
        assertThat(api.get("/subjects/" + gone + "/versions?deleted=true").ints())
                .containsExactly(1);
        assertThat(api.get("/subjects/" + gone + "/versions?deletedOnly=true").ints())
                .containsExactly(1);
    }

    @Test
    void shouldSoftDeleteSubjectOnceAndStillLookUpWithDeleted() {
        String s = subject("soft-subject");
        int id = api.register(s, v1("SoftSubject"));
        api.register(s, v2("SoftSubject"));

        assertThat(api.delete("/subjects/" + s).ints()).containsExactly(1, 2);
        assertError(
                api.delete("/subjects/" + s),
                404,
                40404,
                "Subject '" + s + "' was soft deleted.Set permanent=true to delete permanently");
        Reply found = api.post("/subjects/" + s + "?deleted=true", schemaBody(v1("SoftSubject")));
        assertOk(found);
        assertThat(found.json().path("id").asInt()).isEqualTo(id);
        assertError(api.get("/subjects/" + s + "/versions"), 404, 40401, "Subject '" + s + "' not found.");
    }

    @Test
    void shouldRequireSoftDeleteBeforePermanentSubjectDelete() {
        String s = subject("permanent-subject");
        api.register(s, v1("Permanent"));
        api.register(s, v2("Permanent"));

        assertError(
                api.delete("/subjects/" + s + "?permanent=true"),
                404,
                40405,
                "Subject '" + s + "' was not deleted first before being permanently deleted");
        assertThat(api.delete("/subjects/" + s).ints()).containsExactly(1, 2);
        assertThat(api.delete("/subjects/" + s + "?permanent=true").ints()).containsExactly(1, 2);

        assertError(
                api.post("/subjects/" + s, schemaBody(v1("Permanent"))), 404, 40401, "Subject '" + s + "' not found.");
        assertError(
                api.post("/subjects/" + s + "?deleted=true", schemaBody(v1("Permanent"))),
                404,
                40401,
                "Subject '" + s + "' not found.");
        assertThat(api.get("/subjects?deleted=true").strings()).doesNotContain(s);
    }

    @Test
    void shouldRestartVersionsAtOneAfterEveryVersionIsPermanentlyDeleted() {
        String s = subject("restart");
        api.register(s, v1("Restart"));
        assertOk(api.delete("/subjects/" + s));
        assertOk(api.delete("/subjects/" + s + "?permanent=true"));

        api.register(s, v1("Restart"));

        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(1);
    }

    @Test
    void shouldRefuseToDeleteReferencedVersion() {
        String target = subject("ref-target");
        String referrer = subject("ref-referrer");
        api.register(target, Avro.record("RefTarget", "a:int"));
        String schema =
                "{\"type\":\"record\",\"name\":\"RefReferrer\",\"fields\":[{\"name\":\"r\",\"type\":\"RefTarget\"}]}";
        assertOk(api.post("/subjects/" + referrer + "/versions", schemaBody(schema, "RefTarget", target, 1)));
        String message =
                "One or more references exist to the schema {magic=1,keytype=SCHEMA,subject=" + target + ",version=1}.";

        assertError(api.delete("/subjects/" + target + "/versions/1"), 422, 42206, message);
        assertError(api.delete("/subjects/" + target), 422, 42206, message);

        assertOk(api.delete("/subjects/" + referrer));
        assertOk(api.delete("/subjects/" + target + "/versions/1"));
    }

    @Test
    void shouldDropSubjectConfigWhenLastVersionIsPermanentlyDeleted() {
        String s = subject("drop-config");
        api.register(s, v1("DropConfig"));
        assertOk(api.put("/config/" + s, "{\"compatibility\":\"FULL\"}"));
        assertOk(api.delete("/subjects/" + s));

        assertOk(api.delete("/subjects/" + s + "?permanent=true"));

        assertError(
                api.get("/config/" + s),
                404,
                40408,
                "Subject '" + s + "' does not have subject-level compatibility configured");
    }

    @Test
    void shouldNeverServeSoftDeletedVersionAsLatest() {
        String s = subject("latest-deleted");
        api.register(s, v1("LatestDeleted"));
        assertOk(api.delete("/subjects/" + s));

        assertError(api.get("/subjects/" + s + "/versions/latest?deleted=true"), 404, 40402, "Version -1 not found.");
        assertOk(api.get("/subjects/" + s + "/versions/1?deleted=true"));
    }
}
