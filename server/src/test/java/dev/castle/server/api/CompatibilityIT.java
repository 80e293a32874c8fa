package dev.castle.server.api;

import static dev.castle.server.api.Api.schemaBody;
import static dev.castle.server.api.Api.subject;
import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static dev.castle.server.api.ApiAssertions.versionError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.testing.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both compatibility endpoints (spec §2.4) and the 409 of an incompatible registration (§7). */
class CompatibilityIT {
    private static final String OLD = Avro.record("Compat", "a:int");
    private static final String ADDS_FIELD_WITHOUT_DEFAULT = Avro.record("Compat", "a:int", "b:string");
    private static final String CHANGES_TYPE = Avro.record("Compat", "a:string");

    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("compatibility");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    private static String check(String s, String version) {
        return "/compatibility/subjects/" + s + "/versions" + (version == null ? "" : "/" + version);
    }

    @Test
    void shouldBeCompatibleAgainstLatestOfUnknownSubject() {
        Reply reply = api.post(check(subject("unknown"), "latest"), schemaBody(OLD));

        assertOk(reply);
        assertThat(reply.body()).isEqualTo("{\"is_compatible\":true}");
    }

    @Test
    void shouldAnswer40402ForMissingVersionAnd42202ForInvalidOne() {
        String s = subject("versions");
        api.register(s, OLD);

        assertError(api.post(check(s, "100"), schemaBody(OLD)), 404, 40402, "Version 100 not found.");
        assertError(api.post(check(s, "earliest"), schemaBody(OLD)), 422, 42202, versionError("earliest"));
    }

    @Test
    void shouldJudgeBackwardCompatibilityAgainstOneVersion() {
        String s = subject("backward");
        api.register(s, OLD);

        assertThat(api.post(check(s, "1"), schemaBody(Avro.withDefaultedField(OLD, "c")))
                        .body())
                .isEqualTo("{\"is_compatible\":true}");
        assertThat(api.post(check(s, "latest"), schemaBody(ADDS_FIELD_WITHOUT_DEFAULT))
                        .body())
                .isEqualTo("{\"is_compatible\":false}");
    }

    @Test
    void shouldJudgeAgainstAllLiveVersionsWithoutVersion() {
        String s = subject("all-versions");
        api.register(s, OLD);

        assertThat(api.post(check(s, null), schemaBody(CHANGES_TYPE))
                        .json()
                        .path("is_compatible")
                        .asBoolean())
                .isFalse();
        assertThat(api.post(check(s, null), schemaBody(OLD))
                        .json()
                        .path("is_compatible")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void shouldExplainIncompatibilityWhenVerbose() {
        String s = subject("verbose");
        api.register(s, OLD);

        Reply reply = api.post(check(s, "latest") + "?verbose=true", schemaBody(ADDS_FIELD_WITHOUT_DEFAULT));

        assertOk(reply);
        assertThat(reply.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(reply.json().path("messages")).hasSize(4);
        assertThat(reply.json().path("messages").get(0).asText())
                .isEqualTo("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'b' at path "
                        + "'/fields/1' in the new schema has no default value and is missing in the old schema', "
                        + "additionalInfo:'b'}");
        assertThat(reply.json().path("messages").get(1).asText()).isEqualTo("{oldSchemaVersion: 1}");
        assertThat(reply.json().path("messages").get(2).asText()).isEqualTo("{oldSchema: '" + OLD + "'}");
        assertThat(reply.json().path("messages").get(3).asText())
                .isEqualTo("{validateFields: 'false', compatibility: 'BACKWARD'}");
    }

    @Test
    void shouldTurnInvalidSchemaIntoMessageWhenVerbose() {
        String s = subject("verbose-invalid");
        api.register(s, OLD);
        String invalid =
                "{\"type\":\"record\",\"name\":\"Compat\",\"fields\":[{\"name\":\"f\",\"type\":\"string\",\"default\":null}]}";

        assertError(api.post(check(s, "latest"), schemaBody(invalid)), 422, 42201);
        Reply verbose = api.post(check(s, "latest") + "?verbose=true", schemaBody(invalid));
        assertOk(verbose);
        assertThat(verbose.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(verbose.json().path("messages")).hasSize(1);
        assertThat(verbose.json().path("messages").get(0).asText()).contains("Invalid schema");
    }

    @Test
    void shouldRejectIncompatibleRegistrationWith409() {
        String s = subject("register-409");
        api.register(s, OLD);

        Reply reply = api.post("/subjects/" + s + "/versions", schemaBody(CHANGES_TYPE));

        assertError(reply, 409, 409);
        assertThat(reply.message())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \"" + s
                        + "\", details: [{errorType:'TYPE_MISMATCH'")
                .endsWith("{validateFields: 'false', compatibility: 'BACKWARD'}]");
    }

    @Test
    void shouldFollowSubjectLevelCompatibility() {
        String s = subject("subject-none");
        api.register(s, OLD);
        assertOk(api.put("/config/" + s, "{\"compatibility\":\"NONE\"}"));

        assertThat(api.post(check(s, "latest"), schemaBody(CHANGES_TYPE)).body())
                .isEqualTo("{\"is_compatible\":true}");
        assertOk(api.post("/subjects/" + s + "/versions", schemaBody(CHANGES_TYPE)));
    }

    @Test
    void shouldIgnoreSoftDeletedVersionsWhenChecking() {
        String s = subject("soft-ignored");
        api.register(s, OLD);
        assertOk(api.put("/config/" + s, "{\"compatibility\":\"NONE\"}"));
        api.register(s, CHANGES_TYPE);
        assertOk(api.delete("/config/" + s));
        assertOk(api.delete("/subjects/" + s + "/versions/2"));

        assertThat(api.post(check(s, null), schemaBody(Avro.withDefaultedField(OLD, "c")))
                        .body())
                .isEqualTo("{\"is_compatible\":true}");
    }

    @Test
    void shouldCheckTransitivelyAgainstEveryLiveVersion() {
        String s = subject("transitive");
        assertOk(api.put("/config/" + s, "{\"compatibility\":\"NONE\"}"));
        api.register(s, OLD);
        api.register(s, CHANGES_TYPE);
        assertOk(api.put("/config/" + s, "{\"compatibility\":\"BACKWARD_TRANSITIVE\"}"));

        Reply reply = api.post(check(s, null), schemaBody(CHANGES_TYPE));

        assertThat(reply.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(api.post(check(s, "2"), schemaBody(CHANGES_TYPE))
                        .json()
                        .path("is_compatible")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void shouldJudgeRemovedFieldByDirection() {
        String s = subject("direction");
        api.register(s, OLD);
        String removesField = "{\"type\":\"record\",\"name\":\"Compat\",\"fields\":[]}";

        assertThat(api.post(check(s, "latest"), schemaBody(removesField)).body())
                .isEqualTo("{\"is_compatible\":true}");
        assertOk(api.put("/config/" + s, "{\"compatibility\":\"FORWARD\"}"));
        Reply forward = api.post(check(s, "latest") + "?verbose=true", schemaBody(removesField));

        assertThat(forward.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(forward.json().path("messages").get(0).asText())
                .isEqualTo("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'a' at path "
                        + "'/fields/0' in the old schema has no default value and is missing in the new schema', "
                        + "additionalInfo:'a'}");
        assertThat(forward.json()
                        .path("messages")
                        .get(forward.json().path("messages").size() - 1)
                        .asText())
                .isEqualTo("{validateFields: 'false', compatibility: 'FORWARD'}");
    }

    @Test
    void shouldRequireBothDirectionsWhenFull() {
        String s = subject("full");
        api.register(s, OLD);
        assertOk(api.put("/config/" + s, "{\"compatibility\":\"FULL\"}"));

        assertThat(api.post(check(s, null), schemaBody(Avro.withDefaultedField(OLD, "c")))
                        .body())
                .isEqualTo("{\"is_compatible\":true}");
        assertThat(api.post(check(s, null), schemaBody(ADDS_FIELD_WITHOUT_DEFAULT))
                        .body())
                .isEqualTo("{\"is_compatible\":false}");
        assertThat(api.post(check(s, null), schemaBody("{\"type\":\"record\",\"name\":\"Compat\",\"fields\":[]}"))
                        .body())
                .isEqualTo("{\"is_compatible\":false}");
    }

    @Test
    void shouldNameFailingVersionWhenCheckingAllVersionsVerbosely() {
        String s = subject("all-verbose");
        api.register(s, OLD);

        Reply reply = api.post(check(s, null) + "?verbose=true", schemaBody(CHANGES_TYPE));

        assertThat(reply.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(reply.json().path("messages").toString()).contains("{oldSchemaVersion: 1}");
        assertThat(reply.json().path("messages").get(0).asText()).startsWith("{errorType:'TYPE_MISMATCH'");
    }
}
