package dev.castle.server.api;

import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.testing.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Both compatibility endpoints and the register 409 for JSON Schema and Protobuf, messages per type (spec §7.4). */
class TypedCompatibilityIT {
    private static final String JSON = "JSON";
    private static final String PROTOBUF = "PROTOBUF";
    private static final String PROTO_OLD =
            "syntax = \"proto3\";\n\nmessage Search {\n  string query = 1;\n" + "  int32 page = 2;\n}\n";
    private static final String PROTO_FLOAT =
            "syntax = \"proto3\"; message Search { string query = 1; float page = 2; }";
    private static final String PROTO_WIDER =
            "syntax = \"proto3\"; message Search { string query = 1; int64 page = 2; bool exact = 3; }";
    private static final String JSON_OPEN = "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}";
    private static final String JSON_NARROWED =
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\",\"maxLength\":3}}}";

    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("typed-compatibility");
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

    private static List<String> messages(Reply reply) {
        List<String> messages = new ArrayList<>();
        for (JsonNode message : reply.json().path("messages")) {
            messages.add(message.asText());
        }
        return messages;
    }

    @Test
    void shouldListProtobufDifferencesWhenVerbose() {
        String s = Api.subject("proto-verbose");
        Typed.register(api, s, PROTOBUF, PROTO_OLD);

        Reply reply = api.post(check(s, "latest") + "?verbose=true", Typed.body(PROTOBUF, PROTO_FLOAT));

        assertOk(reply);
        assertThat(reply.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(messages(reply))
                .containsExactly(
                        "{errorType:\"FIELD_SCALAR_KIND_CHANGED\", description:\"The kind of a SCALAR field at path"
                                + " '#/Search/2' in the new schema does not match its kind in the old schema\"}",
                        "{oldSchemaVersion: 1}",
                        "{oldSchema: '" + PROTO_OLD + "'}",
                        "{validateFields: 'false', compatibility: 'BACKWARD'}");
    }

    @Test
    void shouldJudgeProtobufAgainstOneVersionAndAgainstAll() {
        String s = Api.subject("proto-endpoints");
        Typed.register(api, s, PROTOBUF, PROTO_OLD);

        assertThat(api.post(check(s, "1"), Typed.body(PROTOBUF, PROTO_WIDER)).body())
                .isEqualTo("{\"is_compatible\":true}");
        assertThat(api.post(check(s, null), Typed.body(PROTOBUF, PROTO_WIDER)).body())
                .isEqualTo("{\"is_compatible\":true}");
        assertThat(api.post(check(s, null), Typed.body(PROTOBUF, PROTO_FLOAT)).body())
                .isEqualTo("{\"is_compatible\":false}");
        assertThat(api.post(check(s, "1") + "?verbose=true", Typed.body(PROTOBUF, PROTO_WIDER))
                        .body())
                .isEqualTo("{\"is_compatible\":true,\"messages\":[]}");
    }

    @Test
    void shouldRejectIncompatibleProtobufRegistrationWith409AndDetails() {
        String s = Api.subject("proto-409");
        Typed.register(api, s, PROTOBUF, PROTO_OLD);

        Reply reply = Typed.post(api, s, PROTOBUF, PROTO_FLOAT);

        assertError(reply, 409, 409);
        assertThat(reply.message())
                .startsWith("Schema being registered is incompatible with an earlier schema for subject \"" + s
                        + "\", details: [{errorType:\"FIELD_SCALAR_KIND_CHANGED\", description:\"The kind of a SCALAR"
                        + " field at path '#/Search/2' in the new schema")
                .endsWith("{validateFields: 'false', compatibility: 'BACKWARD'}]");
        assertThat(Typed.register(api, s, PROTOBUF, PROTO_WIDER)).isPositive();
        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(1, 2);
    }

    @Test
    void shouldNameTheOldSchemaAsReaderWhenForward() {
        String s = Api.subject("proto-forward");
        Typed.register(api, s, PROTOBUF, PROTO_OLD);
        assertOk(api.put("/config/" + s, "{\"compatibility\":\"FORWARD\"}"));
        String withMessage = "syntax = \"proto3\"; message Search { string query = 1; int32 page = 2; }"
                + " message Extra { int32 x = 1; }";

        Reply reply = api.post(check(s, "latest") + "?verbose=true", Typed.body(PROTOBUF, withMessage));

        assertThat(messages(reply))
                .first()
                .isEqualTo("{errorType:\"MESSAGE_REMOVED\", description:\"The old schema is missing a MESSAGE type at"
                        + " path '#/Extra' in the new schema\"}");
        assertThat(messages(reply)).last().isEqualTo("{validateFields: 'false', compatibility: 'FORWARD'}");
    }

    @Test
    void shouldListJsonSchemaDifferencesWhenVerbose() {
        String s = Api.subject("json-verbose");
        Typed.register(api, s, JSON, JSON_OPEN);

        Reply reply = api.post(check(s, "latest") + "?verbose=true", Typed.body(JSON, JSON_NARROWED));

        assertThat(reply.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(messages(reply))
                .containsExactly(
                        "{errorType:\"MAX_LENGTH_ADDED\", description:\"The keyword at path"
                                + " '#/properties/a/maxLength' in the new schema is not present in the old schema'}",
                        "{oldSchemaVersion: 1}",
                        "{oldSchema: '" + JSON_OPEN + "'}",
                        "{validateFields: 'false', compatibility: 'BACKWARD'}");
    }

    @Test
    void shouldRejectIncompatibleJsonSchemaRegistrationWith409AndDetails() {
        String s = Api.subject("json-409");
        Typed.register(api, s, JSON, JSON_OPEN);

        Reply reply = Typed.post(api, s, JSON, JSON_NARROWED);

        assertError(reply, 409, 409);
        assertThat(reply.message())
                .isEqualTo("Schema being registered is incompatible with an earlier schema for subject \"" + s
                        + "\", details: [{errorType:\"MAX_LENGTH_ADDED\", description:\"The keyword at path"
                        + " '#/properties/a/maxLength' in the new schema is not present in the old schema'},"
                        + " {oldSchemaVersion: 1}, {oldSchema: '" + JSON_OPEN + "'},"
                        + " {validateFields: 'false', compatibility: 'BACKWARD'}]");
    }

    @Test
    void shouldReportDifferentSchemaTypeAsIncompatible() {
        String s = Api.subject("mixed");
        Typed.register(api, s, PROTOBUF, PROTO_OLD);

        Reply verbose = api.post(check(s, "latest") + "?verbose=true", Typed.body(JSON, JSON_OPEN));
        Reply register = Typed.post(api, s, JSON, JSON_OPEN);

        assertThat(messages(verbose)).first().isEqualTo("Incompatible because of different schema type");
        assertError(register, 409, 409);
    }

    @Test
    void shouldAnswerInvalidSchemaAsTheOnlyMessageWhenVerbose() {
        String s = Api.subject("invalid-verbose");
        Typed.register(api, s, PROTOBUF, PROTO_OLD);

        Reply verbose = api.post(check(s, "latest") + "?verbose=true", Typed.body(PROTOBUF, "message {"));
        Reply plain = api.post(check(s, "latest"), Typed.body(PROTOBUF, "message {"));

        assertThat(verbose.json().path("is_compatible").asBoolean()).isFalse();
        assertThat(messages(verbose)).singleElement().asString().contains("Invalid schema");
        assertError(plain, 422, 42201);
    }
}
