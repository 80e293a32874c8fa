package dev.castle.server.api;

import static dev.castle.server.api.Api.subject;
import static dev.castle.server.api.ApiAssertions.assertError;
import static dev.castle.server.api.ApiAssertions.assertOk;
import static dev.castle.testing.TestHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.testing.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Schema tags (Confluent 7.6+): registering with tags to add and remove, propagating them, {@code /tags}, and
 * {@code findTags} on reads.
 */
class SchemaTagsIT {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String V1 =
            "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[{\"name\":\"f1\",\"type\":\"string\"}]}";
    private static final String TAGGED = "{\"type\":\"record\",\"name\":\"myrecord\","
            + "\"fields\":[{\"name\":\"f1\",\"type\":\"string\"}],\"confluent:tags\":[\"TAG1\",\"TAG2\"]}";
    private static final String RECORD_TAGS =
            "[{\"schemaEntity\":{\"entityPath\":\"myrecord\",\"entityType\":\"sr_record\"},\"tags\":[%s]}]";
    private static Api api;

    @BeforeAll
    static void start() {
        api = Api.start("schema-tags");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
    }

    @Test
    void shouldRegisterTagsRemoveThemAndPropagateTheRest() throws Exception {
        // given
        String s = subject("tags");
        assertOk(api.post("/subjects/" + encode(s) + "/versions", body(V1).toString()));

        // when tags are added, one is removed, then a new field comes with propagateSchemaTags
        ObjectNode add = body(V1);
        add.set("schemaTagsToAdd", MAPPER.readTree(RECORD_TAGS.formatted("\"TAG1\",\"TAG2\"")));
        Reply added = api.post("/subjects/" + encode(s) + "/versions", add.toString());
        ObjectNode remove = body(TAGGED);
        remove.put("version", 3);
        remove.set("schemaTagsToRemove", MAPPER.readTree(RECORD_TAGS.formatted("\"TAG2\"")));
        Reply removed = api.post("/subjects/" + encode(s) + "/versions", remove.toString());
        ObjectNode evolved = body("{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":["
                + "{\"name\":\"f1\",\"type\":\"string\",\"confluent:tags\":[\"TAG3\"]},"
                + "{\"name\":\"f2\",\"type\":\"string\",\"default\":\"hi\"}]}");
        evolved.put("propagateSchemaTags", true);
        Reply propagated = api.post("/subjects/" + encode(s) + "/versions", evolved.toString());

        // then each is a new version with a new id, the tags in the stored text and confluent:version set
        assertOk(added);
        assertThat(added.json().path("id").asInt()).isEqualTo(idOf(s, 2));
        Reply second = api.get("/subjects/" + encode(s) + "/versions/2");
        assertThat(second.json().path("schema").asText()).isEqualTo(TAGGED);
        assertThat(second.json()
                        .path("metadata")
                        .path("properties")
                        .path("confluent:version")
                        .asText())
                .isEqualTo("2");
        assertOk(removed);
        assertThat(api.get("/subjects/" + encode(s) + "/versions/3")
                        .json()
                        .path("schema")
                        .asText())
                .isEqualTo(TAGGED.replace("\"TAG1\",\"TAG2\"", "\"TAG1\""));
        assertOk(propagated);
        assertThat(api.get("/subjects/" + encode(s) + "/versions/latest")
                        .json()
                        .path("schema")
                        .asText())
                .isEqualTo("{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":["
                        + "{\"name\":\"f1\",\"type\":\"string\",\"confluent:tags\":[\"TAG3\"]},"
                        + "{\"name\":\"f2\",\"type\":\"string\",\"default\":\"hi\"}],\"confluent:tags\":[\"TAG1\"]}");
    }

    @Test
    void shouldAnswer42201ForAPathThatNamesNothingAndForAVersionThatIsNotNext() throws Exception {
        // given
        String s = subject("bad-tags");
        assertOk(api.post("/subjects/" + encode(s) + "/versions", body(V1).toString()));

        // when
        ObjectNode badPath = body(V1);
        badPath.set(
                "schemaTagsToAdd",
                MAPPER.readTree("[{\"schemaEntity\":{\"entityPath\":\"does.not.exist\",\"entityType\":\"sr_field\"},"
                        + "\"tags\":[\"TAG1\"]}]"));
        ObjectNode oldVersion = body(V1);
        oldVersion.put("version", 1);
        oldVersion.set("schemaTagsToAdd", MAPPER.readTree(RECORD_TAGS.formatted("\"TAG1\"")));
        ObjectNode badType = body(V1);
        badType.set(
                "schemaTagsToAdd",
                MAPPER.readTree("[{\"schemaEntity\":{\"entityPath\":\"myrecord\",\"entityType\":\"sr_enum\"},"
                        + "\"tags\":[\"TAG1\"]}]"));

        // then
        assertError(
                api.post("/subjects/" + encode(s) + "/versions", badPath.toString()),
                422,
                42201,
                "java.lang.IllegalArgumentException: No matching path 'does.not.exist' found in the schema");
        assertError(
                api.post("/subjects/" + encode(s) + "/versions", oldVersion.toString()),
                422,
                42201,
                "Version is not one more than previous version");
        assertError(api.post("/subjects/" + encode(s) + "/versions", badType.toString()), 422, 42201);
        assertThat(api.get("/subjects/" + encode(s) + "/versions").json()).hasSize(1);
    }

    @Test
    void shouldDeriveANewVersionThroughTheTagsEndpointInAContext() throws Exception {
        // given
        String s = ":.tagctx:" + subject("derived");
        assertOk(api.post("/subjects/" + encode(s) + "/versions", body(V1).toString()));

        // when
        Reply reply = api.post(
                "/subjects/" + encode(s) + "/versions/latest/tags",
                "{\"newVersion\":2,\"tagsToAdd\":" + RECORD_TAGS.formatted("\"TAG1\",\"TAG2\"") + "}");
        Reply missingVersion = api.post(
                "/subjects/" + encode(s) + "/versions/7/tags",
                "{\"tagsToAdd\":" + RECORD_TAGS.formatted("\"T\"") + "}");
        Reply missingSubject = api.post(
                "/subjects/" + encode(s + "-none") + "/versions/1/tags",
                "{\"tagsToAdd\":" + RECORD_TAGS.formatted("\"T\"") + "}");

        // then
        assertOk(reply);
        Reply latest = api.get("/subjects/" + encode(s) + "/versions/latest");
        assertThat(latest.json().path("version").asInt()).isEqualTo(2);
        assertThat(latest.json().path("schema").asText()).isEqualTo(TAGGED);
        assertThat(reply.json().path("id").asInt())
                .isEqualTo(latest.json().path("id").asInt());
        assertError(missingVersion, 404, 40402, "Version 7 not found.");
        assertError(missingSubject, 404, 40401);
    }

    @Test
    void shouldAnswerTheTaggedEntitiesThatFindTagsAsksFor() throws Exception {
        // given a version whose record and field carry tags, in a context and in the default one
        String tagged = "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":["
                + "{\"name\":\"f1\",\"type\":\"string\",\"confluent:tags\":[\"TAG2\"]}],"
                + "\"confluent:tags\":[\"TAG1\"]}";
        String s = subject("find");
        String inContext = ":.findctx:" + subject("find");
        int id = api.post("/subjects/" + encode(s) + "/versions", body(tagged).toString())
                .json()
                .path("id")
                .asInt();
        assertOk(api.post(
                "/subjects/" + encode(inContext) + "/versions", body(tagged).toString()));
        String plain = api.get("/subjects/" + encode(s) + "/versions/latest").body();

        // when
        Reply all = api.get("/subjects/" + encode(s) + "/versions/latest?findTags=*");
        Reply field = api.get("/schemas/ids/" + id + "?findTags=TAG2");
        Reply both = api.get("/schemas/ids/" + id + "?findTags=TAG1&findTags=TAG2");
        Reply contextual = api.get("/subjects/" + encode(inContext) + "/versions/1?findTags=TAG1");
        Reply none = api.get("/subjects/" + encode(s) + "/versions/latest?findTags=NOPE");

        // then
        String record = "{\"schemaEntity\":{\"entityPath\":\"myrecord\",\"entityType\":\"sr_record\"},"
                + "\"tags\":[\"TAG1\"]}";
        String f1 = "{\"schemaEntity\":{\"entityPath\":\"myrecord.f1\",\"entityType\":\"sr_field\"},"
                + "\"tags\":[\"TAG2\"]}";
        assertOk(all);
        assertThat(all.json().path("schemaTags")).isEqualTo(MAPPER.readTree("[" + record + "," + f1 + "]"));
        assertThat(all.body())
                .isEqualTo(plain.substring(0, plain.length() - 1) + ",\"schemaTags\":[" + record + "," + f1 + "]}");
        assertThat(field.json().path("schemaTags")).isEqualTo(MAPPER.readTree("[" + f1 + "]"));
        assertThat(both.json().path("schemaTags")).isEqualTo(MAPPER.readTree("[" + record + "," + f1 + "]"));
        assertThat(contextual.json().path("schemaTags")).isEqualTo(MAPPER.readTree("[" + record + "]"));
        assertThat(none.body()).isEqualTo(plain);
        assertThat(api.get("/subjects/" + encode(s) + "/versions/latest").body())
                .isEqualTo(plain);
    }

    private static int idOf(String subject, int version) throws Exception {
        return api.get("/subjects/" + encode(subject) + "/versions/" + version)
                .json()
                .path("id")
                .asInt();
    }

    private static ObjectNode body(String schema) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("schema", schema);
        return body;
    }
}
