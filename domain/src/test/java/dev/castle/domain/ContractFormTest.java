package dev.castle.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Confluent's normal form of metadata and rule sets, and the content hash and GUID made from it. */
class ContractFormTest {

    @Test
    void shouldSortAndDropEmptyPartsOfMetadata() {
        String metadata = ContractForm.metadata(
                "{\"tags\":{\"t\":[\"b\",\"a\",\"b\"],\"e\":[]},\"properties\":{}," + "\"sensitive\":[\"y\",\"x\"]}");

        assertThat(metadata).isEqualTo("{\"tags\":{\"e\":[],\"t\":[\"a\",\"b\"]},\"sensitive\":[\"x\",\"y\"]}");
        assertThat(ContractForm.metadata("{}")).isEqualTo("{}");
        assertThat(ContractForm.metadata(null)).isNull();
    }

    @Test
    void shouldWriteRulesInConfluentsOrderWithDefaults() {
        String ruleSet = ContractForm.ruleSet("{\"encodingRules\":[{\"onFailure\":\"ERROR\",\"type\":\"ENCRYPT\","
                + "\"tags\":[\"PII\"],\"name\":\"e\",\"disabled\":true,\"doc\":\"\"}],\"enableAt\":\"CLIENT\"}");

        assertThat(ruleSet)
                .isEqualTo("{\"encodingRules\":[{\"name\":\"e\",\"kind\":\"TRANSFORM\",\"mode\":\"WRITEREAD\","
                        + "\"type\":\"ENCRYPT\",\"tags\":[\"PII\"],\"onFailure\":\"ERROR\",\"disabled\":true}],"
                        + "\"enableAt\":\"CLIENT\"}");
    }

    @Test
    void shouldHashTheContractsFieldsAsConfluentDoes() throws Exception {
        // Confluent's Schema.updateHash: the schema text, each reference's name, subject and 4-byte version, then
        // 0x01 and the metadata's tag names and values, property names and values, sensitive names; then 0x01 and
        // each rule's name, doc, kind, mode, type, tags, params, expr, onSuccess, onFailure and 0x01 when disabled
        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (String part : List.of("\"string\"", "ref", "other")) {
            md5.update(part.getBytes(StandardCharsets.UTF_8));
        }
        md5.update(ByteBuffer.allocate(4).putInt(3).array());
        md5.update((byte) 1);
        for (String part : List.of("pii", "x", "owner", "me")) {
            md5.update(part.getBytes(StandardCharsets.UTF_8));
        }
        md5.update((byte) 1);
        for (String part : List.of("r", "CONDITION", "WRITE", "CEL", "k", "v", "true")) {
            md5.update(part.getBytes(StandardCharsets.UTF_8));
        }
        md5.update((byte) 1);
        String expected = HexFormat.of().formatHex(md5.digest());

        String fingerprint = SchemaFingerprint.of(
                "\"string\"",
                List.of(new SchemaReference("ref", "other", 3)),
                "{\"properties\":{\"owner\":\"me\"},\"tags\":{\"pii\":[\"x\"]}}",
                "{\"domainRules\":[{\"disabled\":true,\"expr\":\"true\",\"params\":{\"k\":\"v\"},\"type\":\"CEL\","
                        + "\"mode\":\"WRITE\",\"kind\":\"CONDITION\",\"name\":\"r\"}]}");

        assertThat(fingerprint).isEqualTo(expected);
    }

    @Test
    void shouldWriteTheHashAsAGuidAndReadItBack() {
        String fingerprint = SchemaFingerprint.of("\"int\"", List.of(), null, null);
        String guid = SchemaFingerprint.guidOf(fingerprint);

        assertThat(guid).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(guid.replace("-", "")).isEqualTo(fingerprint);
        assertThat(SchemaFingerprint.fingerprintOfGuid(guid)).contains(fingerprint);
        assertThat(SchemaFingerprint.fingerprintOfGuid(fingerprint.toUpperCase()))
                .contains(fingerprint);
        assertThat(SchemaFingerprint.fingerprintOfGuid("not-a-guid")).isEmpty();
    }

    @Test
    void shouldSetAndRemoveConfluentVersion() {
        String with = ContractForm.withConfluentVersion("{\"properties\":{\"owner\":\"d\"}}", 3);

        assertThat(with).isEqualTo("{\"properties\":{\"confluent:version\":\"3\",\"owner\":\"d\"}}");
        assertThat(ContractForm.confluentVersion(with)).isEqualTo("3");
        assertThat(ContractForm.withoutConfluentVersion(with)).isEqualTo("{\"properties\":{\"owner\":\"d\"}}");
        assertThat(ContractForm.withConfluentVersion(null, 1))
                .isEqualTo("{\"properties\":{\"confluent:version\":\"1\"}}");
    }
}
