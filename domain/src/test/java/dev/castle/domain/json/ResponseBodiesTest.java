package dev.castle.domain.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.SchemaEntity;
import dev.castle.domain.SchemaReference;
import dev.castle.domain.SchemaTags;
import dev.castle.domain.SchemaType;
import dev.castle.domain.SchemaVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseBodiesTest {

    private static String json(Object body) {
        return new String(Jackson.bytes(body), StandardCharsets.UTF_8);
    }

    @Test
    void shouldOmitAvroTypeAndEmptyReferencesFromSchemaString() {
        SchemaVersion avro = new SchemaVersion("s", 1, 7, SchemaType.AVRO, "\"string\"", List.of(), null, null, false);

        assertThat(json(ResponseBodies.SchemaString.of(avro, avro.schema(), null)))
                .isEqualTo("{\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\"}");
        assertThat(json(ResponseBodies.SchemaString.of(avro, avro.schema(), 3)))
                .isEqualTo(
                        "{\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\",\"maxId\":3}");
    }

    @Test
    void shouldPrintTypeReferencesAndRawMetadataInConfluentOrder() {
        SchemaVersion proto = new SchemaVersion(
                "p",
                1,
                2,
                SchemaType.PROTOBUF,
                "syntax",
                List.of(new SchemaReference("b.proto", "b", 1)),
                "{\"properties\":{\"k\":\"v\"}}",
                null,
                false);

        assertThat(json(ResponseBodies.SchemaString.of(proto, "syntax", null)))
                .isEqualTo(
                        "{\"guid\":\"5bd79cbf-4cb0-94e6-786f-5087769f68cb\",\"schemaType\":\"PROTOBUF\",\"schema\":\"syntax\","
                                + "\"references\":[{\"name\":\"b.proto\",\"subject\":\"b\",\"version\":1}],"
                                + "\"metadata\":{\"properties\":{\"k\":\"v\"}}}");
        assertThat(json(ResponseBodies.SchemaEntity.of(proto, "syntax")))
                .isEqualTo(
                        "{\"subject\":\"p\",\"version\":1,\"id\":2,\"guid\":\"5bd79cbf-4cb0-94e6-786f-5087769f68cb\",\"schemaType\":\"PROTOBUF\","
                                + "\"references\":[{\"name\":\"b.proto\",\"subject\":\"b\",\"version\":1}],"
                                + "\"metadata\":{\"properties\":{\"k\":\"v\"}},\"schema\":\"syntax\"}");
    }

    @Test
    void shouldPlaceFoundSchemaTagsWhereConfluentDoesAndOmitThemWhenNoneWereFound() {
        SchemaVersion avro = new SchemaVersion("s", 1, 7, SchemaType.AVRO, "\"string\"", List.of(), null, null, false);
        List<SchemaTags> found = List.of(new SchemaTags(SchemaEntity.field("r.a"), List.of("PII", "X")));
        String tags = "\"schemaTags\":[{\"schemaEntity\":{\"entityPath\":\"r.a\",\"entityType\":\"sr_field\"},"
                + "\"tags\":[\"PII\",\"X\"]}]";

        assertThat(json(ResponseBodies.SchemaString.of(avro, avro.schema(), 3).withSchemaTags(found)))
                .isEqualTo("{\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\",\"schema\":\"\\\"string\\\"\"," + tags
                        + ",\"maxId\":3}");
        assertThat(json(ResponseBodies.SchemaEntity.of(avro).withSchemaTags(found)))
                .isEqualTo(
                        "{\"subject\":\"s\",\"version\":1,\"id\":7,\"guid\":\"095d71cf-1255-6b9d-5e33-0ad575b3df5d\","
                                + "\"schema\":\"\\\"string\\\"\"," + tags + "}");
        assertThat(json(ResponseBodies.SchemaEntity.of(avro).withSchemaTags(List.of())))
                .isEqualTo(json(ResponseBodies.SchemaEntity.of(avro)));
        assertThat(json(ResponseBodies.SchemaString.of(avro, avro.schema(), null)
                        .withSchemaTags(List.of())))
                .isEqualTo(json(ResponseBodies.SchemaString.of(avro, avro.schema(), null)));
    }

    @Test
    void shouldPrintSchemaEntityWithoutTypeForAvro() {
        SchemaVersion avro =
                new SchemaVersion(":.ctx:s", 2, 5, SchemaType.AVRO, "\"int\"", List.of(), null, null, false);

        assertThat(json(ResponseBodies.SchemaEntity.of(avro, avro.schema())))
                .isEqualTo(
                        "{\"subject\":\":.ctx:s\",\"version\":2,\"id\":5,\"guid\":\"ef524ea1-b91e-7317-3d93-8ade36c1db32\",\"schema\":\"\\\"int\\\"\"}");
    }

    @Test
    void shouldPrintCompatibilityWithMessagesOnlyWhenGiven() {
        assertThat(json(new ResponseBodies.Compatibility(true, null))).isEqualTo("{\"is_compatible\":true}");
        assertThat(json(new ResponseBodies.Compatibility(false, List.of("m"))))
                .isEqualTo("{\"is_compatible\":false,\"messages\":[\"m\"]}");
    }

    @Test
    void shouldPrintConfigInResponseVocabularyWithExtrasLast() {
        ConfigValue config =
                new ConfigValue(null, true, null, null, CompatibilityLevel.FULL, null, "{\"defaultMetadata\":{}}");

        assertThat(json(ResponseBodies.config(config, ResponseBodies.RESPONSE_LEVEL)))
                .isEqualTo("{\"normalize\":true,\"compatibilityLevel\":\"FULL\",\"defaultMetadata\":{}}");
        assertThat(json(ResponseBodies.config(
                        ConfigValue.of(CompatibilityLevel.BACKWARD), ResponseBodies.REQUEST_LEVEL)))
                .isEqualTo("{\"compatibility\":\"BACKWARD\"}");
    }

    @Test
    void shouldPrintAModeNeverSetAsNull() {
        assertThat(json(ResponseBodies.ModeBody.of(null))).isEqualTo("{\"mode\":null}");
        assertThat(json(ResponseBodies.ModeBody.of("READONLY"))).isEqualTo("{\"mode\":\"READONLY\"}");
    }
}
