package dev.castle.rest.produce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castle.rest.http.Json;
import dev.castle.rest.http.RestException;
import org.junit.jupiter.api.Test;

class ProduceRequestTest {

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) Json.read(json.getBytes());
    }

    private static int codeOf(String json) throws Exception {
        ObjectNode body = body(json);
        try {
            ProduceRequest.parse(body);
        } catch (RestException e) {
            return e.errorCode();
        }
        return 0;
    }

    @Test
    void shouldReadSchemasIdsGivenAsStringsAndRecords() throws Exception {
        ProduceRequest request = ProduceRequest.parse(
                body(
                        "{\"value_schema_id\":\"7\",\"key_schema\":\"\\\"string\\\"\",\"records\":[{\"key\":\"k\",\"value\":null,\"partition\":\"2\"}]}"));

        assertThat(request.valueSchemaId()).isEqualTo(7);
        assertThat(request.keySchema()).isEqualTo("\"string\"");
        assertThat(request.records()).hasSize(1);
        assertThat(request.records().get(0).value()).isNull();
        assertThat(request.records().get(0).partition()).isEqualTo(2);
        assertThat(request.hasKeys()).isTrue();
        assertThat(request.hasValues()).isFalse();
    }

    @Test
    void shouldRefuseBodiesOfTheWrongShapeWithKarapacesCodes() throws Exception {
        assertThat(codeOf("{\"records\":[]}")).isEqualTo(422);
        assertThat(codeOf("{\"foo\":\"bar\"}")).isEqualTo(422);
        assertThat(codeOf("{\"records\":[{\"valur\":1}]}")).isEqualTo(422);
        assertThat(codeOf("{\"records\":\"x\"}")).isEqualTo(400);
        assertThat(codeOf("{\"records\":[\"x\"]}")).isEqualTo(400);
        assertThat(codeOf("{\"records\":[{\"value\":1}],\"value_schema_id\":\"seven\"}"))
                .isEqualTo(422);
    }

    @Test
    void shouldNameTheFieldThatIsNotAnInteger() {
        assertThatThrownBy(() -> ProduceRequest.parse(body("{\"records\":[{\"value\":1,\"partition\":\"p\"}]}")))
                .hasMessage("partition is not a valid int: p");
    }
}
