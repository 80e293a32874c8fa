package dev.castle.server.api;

import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every schema endpoint for Protobuf over HTTP (spec §2, §8.2, §8.3, §12 item 58). */
class ProtobufIT {
    static final String PROTOBUF = "PROTOBUF";
    private static final String CANONICAL = "syntax = \"proto3\";\npackage acme.v1;\n\nmessage Order {\n"
            + "  int64 id = 1;\n  repeated string tags = 2;\n}\n";
    private static final String COMPACT =
            "syntax=\"proto3\";package acme.v1;message Order{int64 id=1;repeated string tags=2;}";
    private static final String COMMENTED = "// orders\nsyntax = \"proto3\";\n\npackage acme.v1;\n"
            + "/* an order */\nmessage Order {\n  int64 id = 1; // its id\n\n  repeated string tags = 2;\n}\n";

    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("protobuf");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    /** A one-message schema distinct per subject, so ids do not collide between tests. */
    private static String order(String s) {
        return COMPACT.replace("Order", "Order" + s.replaceAll("[^A-Za-z0-9]", ""));
    }

    @Test
    void shouldRegisterFormattingVariantsOfOneProtoAsOneId() {
        String s = Api.subject("variants");
        String other = Api.subject("variants-other");

        int first = Typed.register(api, s, PROTOBUF, COMPACT);
        int second = Typed.register(api, s, PROTOBUF, COMMENTED);
        int third = Typed.register(api, other, PROTOBUF, CANONICAL);

        assertThat(second).isEqualTo(first);
        assertThat(third).isEqualTo(first);
        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(1);
        assertThat(api.get("/schemas/ids/" + first + "/schema").body()).isEqualTo(CANONICAL);
    }

    @Test
    void shouldAnswerReadsWithSchemaTypeAndWithoutEmptyReferences() {
        String s = Api.subject("reads");
        int id = Typed.register(api, s, PROTOBUF, COMMENTED);
        String quoted = TestHttp.json(CANONICAL);
        String guid = Api.guid(CANONICAL);

        assertThat(api.get("/schemas/ids/" + id).body())
                .isEqualTo("{\"guid\":\"" + guid + "\",\"schemaType\":\"PROTOBUF\",\"schema\":" + quoted + "}");
        assertThat(api.get("/subjects/" + s + "/versions/1").body())
                .isEqualTo("{\"subject\":\"" + s + "\",\"version\":1,\"id\":" + id + ",\"guid\":\"" + guid
                        + "\",\"schemaType\":\"PROTOBUF\",\"schema\":" + quoted + "}");
        assertThat(api.get("/subjects/" + s + "/versions/latest/schema").body()).isEqualTo(CANONICAL);
        assertThat(api.get("/schemas/ids/" + id + "/subjects").strings()).contains(s);
        assertThat(api.get("/schemas/ids/" + id + "/versions").json().toString())
                .contains("{\"subject\":\"" + s + "\",\"version\":1}");
        JsonNode listed = find(api.get("/schemas?subjectPrefix=" + s).json(), s);
        assertThat(listed.path("schemaType").asText()).isEqualTo(PROTOBUF);
        assertThat(listed.has("references")).isFalse();
    }

    @Test
    void shouldLookUpAFormattingVariantAndAnswerTheStoredText() {
        String s = Api.subject("lookup");
        int id = Typed.register(api, s, PROTOBUF, CANONICAL);

        Reply found = api.post("/subjects/" + s, Typed.body(PROTOBUF, COMMENTED));
        Reply missing = api.post("/subjects/" + s, Typed.body(PROTOBUF, order(s)));

        assertOk(found);
        assertThat(found.json().path("id").asInt()).isEqualTo(id);
        assertThat(found.json().path("version").asInt()).isEqualTo(1);
        assertThat(found.json().path("schemaType").asText()).isEqualTo(PROTOBUF);
        assertThat(found.json().path("schema").asText()).isEqualTo(CANONICAL);
        assertError(missing, 404, 40403, "Schema not found");
    }

    @Test
    void shouldRegisterNormalizedSchemaIdempotently() {
        // given a schema with fields out of tag order and a relative type name
        String s = Api.subject("normalized");
        String text = "syntax = \"proto3\"; package norm; message Wrap { Inner inner = 2; string name = 1; }"
                + " message Inner { int32 x = 1; }";
        String reordered = "syntax = \"proto3\"; package norm; message Wrap { string name = 1; norm.Inner inner = 2; }"
                + " message Inner { int32 x = 1; }";

        // when registered normalized, then its stored text registered again, normalized or not
        int id = register(s, "?normalize=true", text);
        String stored = api.get("/schemas/ids/" + id + "/schema").body();
        int again = register(s, "?normalize=true", stored);
        int variant = register(s, "?normalize=true", reordered);
        int plain = register(Api.subject("normalized-plain"), "", stored);

        // then
        assertThat(List.of(again, variant, plain)).containsOnly(id);
        assertThat(stored.indexOf("name = 1")).isLessThan(stored.indexOf("inner = 2"));
        assertThat(api.get("/subjects/" + s + "/versions").ints()).containsExactly(1);
        Reply found = api.post("/subjects/" + s + "?normalize=true", Typed.body(PROTOBUF, text));
        assertThat(found.json().path("id").asInt()).isEqualTo(id);
    }

    @Test
    void shouldRoundTripTheSerializedFormat() {
        // given
        String s = Api.subject("serialized");
        int id = Typed.register(api, s, PROTOBUF, order(s));

        // when
        String serialized = api.get("/schemas/ids/" + id + "?format=serialized")
                .json()
                .path("schema")
                .asText();
        int fromBase64 = Typed.register(api, Api.subject("serialized-copy"), PROTOBUF, serialized);

        // then
        assertThat(serialized).matches("[A-Za-z0-9+/=]+");
        assertThat(fromBase64).isEqualTo(id);
        assertThat(api.get("/schemas/ids/" + id + "/schema?format=serialized").body())
                .isEqualTo(serialized);
        assertThat(api.get("/subjects/" + s + "/versions/1?format=serialized")
                        .json()
                        .path("schema")
                        .asText())
                .isEqualTo(serialized);
        assertThat(api.get("/subjects/" + s + "/versions/1/schema?format=serialized")
                        .body())
                .isEqualTo(serialized);
        Reply lookup = api.post("/subjects/" + s + "?format=serialized", Typed.body(PROTOBUF, serialized));
        assertThat(lookup.json().path("schema").asText()).isEqualTo(serialized);
    }

    @Test
    void shouldStoreASchemaRegisteredAsBase64AsProtoText() {
        // given a schema first registered elsewhere, serialized, then forgotten by this subject
        String donor = Api.subject("donor");
        int donorId = Typed.register(api, donor, PROTOBUF, order(donor));
        String serialized =
                api.get("/schemas/ids/" + donorId + "/schema?format=serialized").body();
        String text = api.get("/schemas/ids/" + donorId + "/schema").body();

        // when registered as base64 under a fresh subject
        String s = Api.subject("base64");
        int id = Typed.register(api, s, PROTOBUF, serialized);

        // then the stored text is the .proto text
        assertThat(id).isEqualTo(donorId);
        assertThat(api.get("/subjects/" + s + "/versions/1/schema").body()).isEqualTo(text);
    }

    @Test
    void shouldLeaveExtensionsOutWhenFormatIsIgnoreExtensions() {
        String s = Api.subject("extensions");
        String text = "syntax = \"proto2\";\npackage ext" + s.replaceAll("[^a-z0-9]", "")
                + ";\n\nmessage M {\n  optional int32 a = 1;\n  extensions 100 to 200;\n}\n"
                + "extend M {\n  optional string b = 100;\n}\n";
        int id = Typed.register(api, s, PROTOBUF, text);

        String plain = api.get("/schemas/ids/" + id + "/schema").body();
        String ignored = api.get("/schemas/ids/" + id + "/schema?format=ignore_extensions")
                .body();
        String version = api.get("/subjects/" + s + "/versions/1?format=ignore_extensions")
                .json()
                .path("schema")
                .asText();

        assertThat(plain).contains("extend M");
        assertThat(ignored).doesNotContain("extend").contains("optional int32 a = 1;");
        assertThat(version).isEqualTo(ignored);
    }

    @Test
    void shouldResolveWellKnownImportsWithoutReferences() {
        String s = Api.subject("well-known");
        String text = "syntax = \"proto3\"; package wk; import \"google/protobuf/timestamp.proto\";"
                + " import \"confluent/meta.proto\"; import \"google/type/money.proto\";"
                + " message Payment { google.protobuf.Timestamp at = 1; google.type.Money amount = 2; }";

        int id = Typed.register(api, s, PROTOBUF, text);

        JsonNode version = api.get("/subjects/" + s + "/versions/1").json();
        assertThat(version.path("id").asInt()).isEqualTo(id);
        assertThat(version.has("references")).isFalse();
        assertThat(version.path("schema").asText()).contains("import \"google/protobuf/timestamp.proto\";");
        assertThat(api.get("/schemas/ids/" + id + "?format=serialized").status())
                .isEqualTo(200);
    }

    @Test
    void shouldAcceptAWellKnownFileRegisteredAsAReference() {
        // given timestamp.proto registered under its own path, as Confluent's serializer does without skip.known.types
        String path = "google/protobuf/timestamp.proto";
        String timestamp = "syntax = \"proto3\";\npackage google.protobuf;\n\n"
                + "message Timestamp {\n  int64 seconds = 1;\n  int32 nanos = 2;\n}\n";
        int dependency = Typed.register(api, path, PROTOBUF, timestamp);
        String s = Api.subject("imports-known");
        String text = "syntax = \"proto3\"; package known; import \"google/protobuf/timestamp.proto\";"
                + " message Event { google.protobuf.Timestamp at = 1; }";

        // when
        int id = Typed.register(api, s, PROTOBUF, text, path, path, 1);

        // then
        assertThat(api.get("/subjects/" + TestHttp.encode(path) + "/versions/1/referencedby")
                        .ints())
                .containsExactly(id);
        assertThat(api.get("/schemas/ids/" + dependency + "/schema").body()).isEqualTo(timestamp);
    }

    @Test
    void shouldRejectInvalidProtoWith42201() {
        String s = Api.subject("invalid");

        Reply reply = Typed.post(api, s, PROTOBUF, "syntax = \"proto3\"; message {");
        Reply missingImport =
                Typed.post(api, s, PROTOBUF, "syntax = \"proto3\"; import \"nowhere.proto\"; message M {}");

        assertError(reply, 422, 42201);
        assertThat(reply.message())
                .startsWith("Invalid schema {subject=" + s + ",")
                .contains("of type PROTOBUF");
        assertError(missingImport, 422, 42201);
        assertError(api.get("/subjects/" + s + "/versions"), 404, 40401);
    }

    @Test
    void shouldRejectAHostilelyNestedSchemaAndKeepServing() {
        // given messages nested thousands deep, deeper than any parser's stack
        StringBuilder text = new StringBuilder("syntax = \"proto3\";");
        text.append("message M {".repeat(5_000)).append("}".repeat(5_000));
        String s = Api.subject("nested");

        // when
        Reply register = Typed.post(api, s, PROTOBUF, text.toString());
        Reply check =
                api.post("/compatibility/subjects/" + s + "/versions/latest", Typed.body(PROTOBUF, text.toString()));
        Reply lookup = api.post("/subjects/" + s, Typed.body(PROTOBUF, text.toString()));

        // then
        assertError(register, 422, 42201);
        assertError(check, 422, 42201);
        assertError(lookup, 422, 42201);
        assertThat(Typed.register(api, s, PROTOBUF, order(s))).isPositive();
    }

    @Test
    void shouldServeSoftDeletedVersionById() {
        String s = Api.subject("deleted");
        int id = Typed.register(api, s, PROTOBUF, order(s));

        assertOk(api.delete("/subjects/" + s + "/versions/1"));

        assertThat(api.get("/schemas/ids/" + id).json().path("schemaType").asText())
                .isEqualTo(PROTOBUF);
        assertError(api.get("/subjects/" + s + "/versions/1"), 404, 40401);
        assertThat(api.get("/subjects/" + s + "/versions/1?deleted=true")
                        .json()
                        .path("schemaType")
                        .asText())
                .isEqualTo(PROTOBUF);
    }

    /** Registers under {@code subject} with the query string {@code query} (may be empty). */
    private static int register(String subject, String query, String schema) {
        Reply reply = api.post("/subjects/" + subject + "/versions" + query, Typed.body(PROTOBUF, schema));
        assertOk(reply);
        return reply.id();
    }

    private static JsonNode find(JsonNode array, String subject) {
        List<JsonNode> matches = new ArrayList<>();
        array.forEach(node -> {
            if (node.path("subject").asText().equals(subject)) {
                matches.add(node);
            }
        });
        assertThat(matches).hasSize(1);
        return matches.get(0);
    }
}
