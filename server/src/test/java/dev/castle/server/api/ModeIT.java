package dev.castle.server.api;

import static dev.castle.server.api.Api.schemaBody;
import static dev.castle.server.api.Api.subject;
import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /mode} (spec §2.6) and how modes gate registration (§4.1); each test leaves the global mode READWRITE. */
class ModeIT {
    private static final String INVALID_MODE =
            "Invalid mode. Valid values are READWRITE, READONLY, IMPORT and FORWARD.";
    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("mode");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @AfterEach
    void resetGlobal() {
        api.put("/mode?force=true", "{\"mode\":\"READWRITE\"}");
    }

    @Test
    void shouldServeReadWriteAsGlobalDefault() {
        Reply reply = api.get("/mode");

        assertOk(reply);
        assertThat(reply.body()).isEqualTo("{\"mode\":\"READWRITE\"}");
    }

    @Test
    void shouldAnswer40409WithoutSubjectModeUnlessDefaultingToGlobal() {
        String s = subject("unset");

        assertError(
                api.get("/mode/" + s), 404, 40409, "Subject '" + s + "' does not have subject-level mode configured");
        assertThat(api.get("/mode/" + s + "?defaultToGlobal=true").body()).isEqualTo("{\"mode\":\"READWRITE\"}");
    }

    @Test
    void shouldRejectInvalidModeAndSubjectLevelForward() {
        String s = subject("invalid");

        assertError(api.put("/mode", "{\"mode\":\"INVALID\"}"), 422, 42204, INVALID_MODE);
        assertError(api.put("/mode/" + s, "{\"mode\":\"INVALID\"}"), 422, 42204, INVALID_MODE);
        assertError(
                api.put("/mode/" + s, "{\"mode\":\"FORWARD\"}"),
                422,
                42204,
                "Forward mode only supported on global level");
    }

    @Test
    void shouldSetAndDeleteSubjectMode() {
        String s = subject("set");

        Reply put = api.put("/mode/" + s, "{\"mode\":\"READONLY\"}");

        assertOk(put);
        assertThat(put.body()).isEqualTo("{\"mode\":\"READONLY\"}");
        assertThat(api.get("/mode/" + s).body()).isEqualTo("{\"mode\":\"READONLY\"}");
        Reply deleted = api.delete("/mode/" + s);
        assertOk(deleted);
        assertThat(deleted.body()).isEqualTo("{\"mode\":\"READONLY\"}");
        assertError(
                api.get("/mode/" + s), 404, 40409, "Subject '" + s + "' does not have subject-level mode configured");
        assertError(api.delete("/mode/" + s), 404, 40401, "Subject '" + s + "' not found.");
    }

    @Test
    void shouldRefuseNewSchemasInReadOnlySubjectButServeKnownOnes() {
        String s = subject("readonly");
        String known = Avro.record("ReadOnly", "a:int");
        int id = api.register(s, known);
        assertOk(api.put("/mode/" + s, "{\"mode\":\"READONLY\"}"));

        Reply refused = api.post("/subjects/" + s + "/versions", schemaBody(Avro.withDefaultedField(known, "b")));
        Reply again = api.post("/subjects/" + s + "/versions", schemaBody(known));

        assertError(refused, 422, 42205, "Subject " + s + " in context  is in read-only mode");
        assertOk(again);
        assertThat(again.id()).isEqualTo(id);
    }

    @Test
    void shouldBlockEveryRegistrationWithGlobalReadOnlyOverride() {
        String s = subject("override");
        assertOk(api.put("/mode/" + s, "{\"mode\":\"READWRITE\"}"));
        assertOk(api.put("/mode", "{\"mode\":\"READONLY_OVERRIDE\"}"));

        Reply refused = api.post("/subjects/" + s + "/versions", schemaBody(Avro.record("Override", "a:int")));

        assertError(refused, 422, 42205);
    }

    @Test
    void shouldClearGlobalModeWithNull() {
        assertOk(api.put("/mode", "{\"mode\":\"READONLY\"}"));

        Reply cleared = api.put("/mode", "{\"mode\":null}");

        assertOk(cleared);
        assertThat(cleared.json().path("mode").isTextual())
                .as("no mode in %s", cleared)
                .isFalse();
        assertThat(api.get("/mode").body()).isEqualTo("{\"mode\":\"READWRITE\"}");
    }

    @Test
    void shouldImportWithExplicitIdAndVersionOnly() {
        String s = subject("import");
        assertOk(api.put("/mode/" + s, "{\"mode\":\"IMPORT\"}"));
        String schema = Avro.record("Imported", "a:int");

        Reply imported = api.post(
                "/subjects/" + s + "/versions", "{\"schema\":" + Avro.quoted(schema) + ",\"id\":9001,\"version\":5}");
        Reply withoutId = api.post("/subjects/" + s + "/versions", schemaBody(Avro.record("NoId", "a:int")));

        assertOk(imported);
        assertThat(imported.id()).isEqualTo(9001);
        assertThat(api.get("/subjects/" + s + "/versions/5").json().path("id").asInt())
                .isEqualTo(9001);
        assertThat(api.get("/schemas/ids/9001").json().path("schema").asText()).isEqualTo(schema);
        assertError(withoutId, 422, 42205, "Subject " + s + " in context  is not in read-write mode");
    }

    @Test
    void shouldReturnExistingIdWhenReRegisteringWithoutIdInImportMode() {
        String s = subject("import-known");
        String schema = Avro.record("ImportKnown", "a:int");
        assertOk(api.put("/mode/" + s, "{\"mode\":\"IMPORT\"}"));
        assertOk(api.post(
                "/subjects/" + s + "/versions", "{\"schema\":" + Avro.quoted(schema) + ",\"id\":9100,\"version\":1}"));

        Reply again = api.post("/subjects/" + s + "/versions", schemaBody(schema));

        assertOk(again);
        assertThat(again.id()).isEqualTo(9100);
    }

    @Test
    void shouldRefuseImportModeOverLiveSubjectUnlessForced() {
        String s = subject("import-live");
        api.register(s, Avro.record("ImportLive", "a:int"));

        assertError(
                api.put("/mode/" + s, "{\"mode\":\"IMPORT\"}"),
                422,
                42205,
                "Cannot import since found existing subjects");
        assertError(
                api.put("/mode", "{\"mode\":\"IMPORT\"}"), 422, 42205, "Cannot import since found existing subjects");
        assertOk(api.put("/mode/" + s + "?force=true", "{\"mode\":\"IMPORT\"}"));
        assertThat(api.get("/mode/" + s).body()).isEqualTo("{\"mode\":\"IMPORT\"}");
    }

    @Test
    void shouldPurgeSoftDeletedVersionsWhenSwitchingToImport() {
        String s = subject("import-purge");
        String schema = Avro.record("ImportPurge", "a:int");
        int original = api.register(s, schema);
        assertOk(api.delete("/subjects/" + s));

        assertOk(api.put("/mode/" + s, "{\"mode\":\"IMPORT\"}"));
        int newId = original + 5000;
        Reply imported = api.post(
                "/subjects/" + s + "/versions",
                "{\"schema\":" + Avro.quoted(schema) + ",\"id\":" + newId + ",\"version\":1}");

        assertOk(imported);
        assertThat(imported.id()).isEqualTo(newId);
        assertThat(api.get("/subjects/" + s + "/versions?deleted=true").ints()).containsExactly(1);
    }

    @Test
    void shouldImportSameIdAgainAfterSoftDeleteAndPurge() {
        String s = subject("import-same");
        String schema = Avro.record("ImportSame", "a:int");
        int original = api.register(s, schema);
        assertOk(api.delete("/subjects/" + s));
        assertOk(api.put("/mode/" + s, "{\"mode\":\"IMPORT\"}"));

        Reply imported = api.post(
                "/subjects/" + s + "/versions",
                "{\"schema\":" + Avro.quoted(schema) + ",\"id\":" + original + ",\"version\":1}");

        assertOk(imported);
        assertThat(imported.id()).isEqualTo(original);
        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(1);
    }

    @Test
    void shouldRefuseToOverwriteAnIdWithOtherContentOnImport() {
        String a = subject("overwrite-a");
        String b = subject("overwrite-b");
        assertOk(api.put("/mode/" + a, "{\"mode\":\"IMPORT\"}"));
        assertOk(api.put("/mode/" + b, "{\"mode\":\"IMPORT\"}"));
        assertOk(api.post(
                "/subjects/" + a + "/versions",
                "{\"schema\":" + Avro.quoted(Avro.record("OverA", "a:int")) + ",\"id\":9300,\"version\":1}"));

        Reply refused = api.post(
                "/subjects/" + b + "/versions",
                "{\"schema\":" + Avro.quoted(Avro.record("OverB", "a:int")) + ",\"id\":9300,\"version\":1}");

        assertError(refused, 422, 42205, "Overwrite new schema with id 9300 in context  is not permitted.");
    }

    @Test
    void shouldEchoModeAsSentAndStoreItUpperCase() {
        String s = subject("case");

        Reply put = api.put("/mode/" + s, "{\"mode\":\"readonly\"}");

        assertOk(put);
        assertThat(put.body()).isEqualTo("{\"mode\":\"readonly\"}");
        assertThat(api.get("/mode/" + s).body()).isEqualTo("{\"mode\":\"READONLY\"}");
    }

    @Test
    void shouldRejectModeForInvalidSubject() {
        String bad = "\rbad\nsubject\t";

        assertError(
                api.put("/mode/" + TestHttp.encode(bad), "{\"mode\":\"READONLY\"}"),
                422,
                42208,
                "The specified subject '" + bad + "' is not a valid.");
    }

    @Test
    void shouldDeleteSubjectModesUnderContextWhenRecursive() {
        String s = ":.modectx:" + subject("recursive");
        api.register(s, Avro.record("Recursive", "a:int"));
        assertOk(api.put("/contexts/.modectx/mode", "{\"mode\":\"READONLY\"}"));
        assertOk(api.put("/mode/" + TestHttp.encode(s), "{\"mode\":\"READONLY\"}"));

        assertOk(api.delete("/contexts/.modectx/mode?recursive=true"));

        assertError(
                api.get("/mode/" + TestHttp.encode(s)),
                404,
                40409,
                "Subject '" + s + "' does not have subject-level mode configured");
    }
}
