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

/** {@code /config} (spec §2.5); each test leaves the global config as it found it (the server default). */
class ConfigIT {
    private static final String INVALID_LEVEL = "Invalid compatibility level. Valid values are none, backward, "
            + "forward, full, backward_transitive, forward_transitive, and full_transitive";
    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("config");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @AfterEach
    void resetGlobal() {
        api.delete("/config");
    }

    @Test
    void shouldServeServerDefaultAsGlobalConfig() {
        Reply reply = api.get("/config");

        assertOk(reply);
        assertThat(reply.body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void shouldChangeGlobalConfigAndRevertOnDelete() {
        Reply put = api.put("/config", "{\"compatibility\":\"FORWARD\"}");

        assertOk(put);
        assertThat(put.body()).isEqualTo("{\"compatibility\":\"FORWARD\"}");
        assertThat(api.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");

        Reply deleted = api.delete("/config");
        assertOk(deleted);
        assertThat(deleted.body()).isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
        assertThat(api.get("/config").body()).isEqualTo("{\"compatibilityLevel\":\"BACKWARD\"}");
    }

    @Test
    void shouldAcceptLevelNamesInAnyCaseAndStoreThemUpperCase() {
        String s = subject("case");

        assertThat(api.put("/config/" + s, "{\"compatibility\":\"full_transitive\"}")
                        .body())
                .isEqualTo("{\"compatibility\":\"FULL_TRANSITIVE\"}");
        assertThat(api.get("/config/" + s).body()).isEqualTo("{\"compatibilityLevel\":\"FULL_TRANSITIVE\"}");
    }

    @Test
    void shouldRejectInvalidLevel() {
        assertError(api.put("/config", "{\"compatibility\":\"INVALID\"}"), 422, 42203, INVALID_LEVEL);
        assertError(
                api.put("/config/" + subject("invalid"), "{\"compatibility\":\"INVALID\"}"), 422, 42203, INVALID_LEVEL);
    }

    @Test
    void shouldSetConfigOfSubjectWithoutSchemas() {
        String s = subject("no-schemas");

        Reply put = api.put("/config/" + s, "{\"compatibility\":\"FORWARD\"}");

        assertOk(put);
        assertThat(put.body()).isEqualTo("{\"compatibility\":\"FORWARD\"}");
        assertThat(api.get("/config/" + s).body()).isEqualTo("{\"compatibilityLevel\":\"FORWARD\"}");
    }

    @Test
    void shouldAnswer40408WithoutSubjectConfigUnlessDefaultingToGlobal() {
        String s = subject("unset");
        api.register(s, Avro.record("Unset", "a:int"));
        assertOk(api.put("/config", "{\"compatibility\":\"FULL\"}"));

        assertError(
                api.get("/config/" + s),
                404,
                40408,
                "Subject '" + s + "' does not have subject-level compatibility configured");
        assertThat(api.get("/config/" + s + "?defaultToGlobal=true").body())
                .isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
    }

    @Test
    void shouldDeleteSubjectConfigReturningPrevious() {
        String s = subject("delete");
        assertOk(api.put("/config/" + s, "{\"compatibility\":\"NONE\"}"));

        Reply deleted = api.delete("/config/" + s);

        assertOk(deleted);
        assertThat(deleted.body()).isEqualTo("{\"compatibilityLevel\":\"NONE\"}");
        assertError(
                api.get("/config/" + s),
                404,
                40408,
                "Subject '" + s + "' does not have subject-level compatibility configured");
        assertError(api.delete("/config/" + s), 404, 40401, "Subject '" + s + "' not found.");
    }

    @Test
    void shouldTreatDefaultContextSubjectAsGlobal() {
        assertOk(api.put("/config", "{\"compatibility\":\"FORWARD_TRANSITIVE\"}"));

        assertThat(api.get("/config/" + TestHttp.encode(":.:")).body())
                .isEqualTo("{\"compatibilityLevel\":\"FORWARD_TRANSITIVE\"}");
    }

    @Test
    void shouldRegisterIncompatibleSchemaOnceGlobalLevelIsNone() {
        String s = subject("none");
        api.register(s, Avro.record("None", "a:int"));
        String incompatible = Avro.record("None", "a:string");
        assertError(api.post("/subjects/" + s + "/versions", schemaBody(incompatible)), 409, 409);

        assertOk(api.put("/config", "{\"compatibility\":\"NONE\"}"));

        assertOk(api.post("/subjects/" + s + "/versions", schemaBody(incompatible)));
        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(1, 2);
    }

    @Test
    void shouldKeepOptionalConfigFieldsInResponses() {
        String s = subject("fields");

        assertOk(api.put("/config/" + s, "{\"compatibility\":\"FULL\",\"normalize\":true}"));

        assertThat(api.get("/config/" + s).body()).isEqualTo("{\"normalize\":true,\"compatibilityLevel\":\"FULL\"}");
    }
}
