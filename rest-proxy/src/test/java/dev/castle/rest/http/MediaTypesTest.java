package dev.castle.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MediaTypesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/vnd.kafka.v1+json",
                "application/vnd.kafka.binary.v1+json",
                "application/vnd.kafka.avro.v1+json",
                "application/vnd.kafka.json+json",
                "application/vnd.kafka+json",
                "application/json",
                "application/octet-stream",
                "application/vnd.kafka.jsonschema.v2+json; charset=utf-8"
            })
    void shouldReadKarapacesValidContentTypes(String header) {
        assertThat(MediaTypes.contentType(header)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/vnd.kafka.v3+json",
                "application/vnd.kafka.binary.v1+foo",
                "application/vnd.kafka.avro.v0+json",
                "application/vnd.kafka.json+avro",
                "application/vnd.kafka",
                "application/vnd.kafka+binary",
                "application/text",
                "bar/baz"
            })
    void shouldRefuseKarapacesInvalidContentTypes(String header) {
        assertThat(MediaTypes.contentType(header)).isEmpty();
    }

    @Test
    void shouldTakeTheEmbeddedFormatOfAContentType() {
        assertThat(MediaTypes.contentType("application/vnd.kafka.jsonschema.v2+json"))
                .contains(Optional.of(EmbeddedFormat.JSONSCHEMA));
        assertThat(MediaTypes.contentType("application/vnd.kafka.json.v2+json"))
                .contains(Optional.of(EmbeddedFormat.JSON));
        assertThat(MediaTypes.contentType("application/vnd.kafka.v2+json")).contains(Optional.empty());
        assertThat(MediaTypes.contentType(null)).contains(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/vnd.kafka.v1+json",
                "application/vnd.kafka+json",
                "application/json",
                "application/*",
                "*/json",
                "*/*"
            })
    void shouldAcceptKarapacesValidAcceptHeaders(String header) {
        assertThat(MediaTypes.accept(header)).contains(Optional.empty());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/octet-stream",
                "application/vnd.kafka+foo",
                "application/text",
                "foo/*",
                "bar/json",
                "*/baz"
            })
    void shouldRefuseKarapacesInvalidAcceptHeaders(String header) {
        assertThat(MediaTypes.accept(header)).isEmpty();
    }

    @Test
    void shouldTakeTheFirstMatchOfAnAcceptHeaderWithoutRankingWeights() {
        assertThat(MediaTypes.accept("application/vnd.kafka.avro.v2+json;q=0.1, application/vnd.kafka.binary.v2+json"))
                .contains(Optional.of(EmbeddedFormat.AVRO));
        assertThat(MediaTypes.accept(null)).contains(Optional.empty());
    }
}
