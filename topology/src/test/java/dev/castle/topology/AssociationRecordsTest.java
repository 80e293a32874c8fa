package dev.castle.topology;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.Association;
import dev.castle.domain.Event;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Confluent 8.x's ASSOC and CONTEXT-tombstone records: their bytes, and the fold of them. */
class AssociationRecordsTest {
    private static final String TOPIC = "_schemas";
    private static final String KEY = "{\"keytype\":\"ASSOC\",\"tenant\":\"default\",\"resourceName\":\"orders\","
            + "\"resourceNamespace\":\"lkc-1\",\"resourceType\":\"topic\",\"associationType\":\"value\","
            + "\"subject\":\":.lkc-1:orders-value\",\"magic\":0}";
    private static final String VALUE = "{\"guid\":\"0c7a4bde-0d5e-4b5f-9a43-1f1cbb2b5ad1\",\"tenant\":\"default\","
            + "\"resourceName\":\"orders\",\"resourceNamespace\":\"lkc-1\",\"resourceId\":\"id-1\","
            + "\"resourceType\":\"topic\",\"associationType\":\"value\",\"subject\":\":.lkc-1:orders-value\","
            + "\"lifecycle\":\"STRONG\",\"frozen\":true}";
    private static final Association STRONG = new Association(
            "0c7a4bde-0d5e-4b5f-9a43-1f1cbb2b5ad1",
            "default",
            "orders",
            "lkc-1",
            "id-1",
            "topic",
            "value",
            ":.lkc-1:orders-value",
            Association.Lifecycle.STRONG,
            true,
            null,
            null);

    private final SchemasCodec codec = new SchemasCodec();
    private final TopologyTestDriver driver = new TopologyTestDriver(RegistryTopology.build(TOPIC));
    private final TestInputTopic<byte[], byte[]> schemas =
            driver.createInputTopic(TOPIC, new ByteArraySerializer(), new ByteArraySerializer());
    private final RegistryStore store = (RegistryStore) driver.getStateStore(RegistryTopology.STORE_NAME);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void pipe(String key, String value, long timestamp) {
        schemas.pipeInput(bytes(key), bytes(value), Instant.ofEpochMilli(timestamp));
    }

    @Test
    void shouldWriteConfluentsAssociationKeyAndValueBytes() {
        // given
        Event upserted = new Event.AssociationUpserted(STRONG);

        // when / then
        assertThat(text(codec.encodeKey(upserted))).isEqualTo(KEY);
        assertThat(text(codec.encodeValue(upserted))).isEqualTo(VALUE);
        assertThat(text(codec.encodeKey(new Event.AssociationTombstoned(STRONG.key()))))
                .isEqualTo(KEY);
        assertThat(codec.encodeValue(new Event.AssociationTombstoned(STRONG.key())))
                .isNull();
    }

    @Test
    void shouldReadConfluentsRecordsAndTheirTombstones() {
        assertThat(codec.decode(bytes(KEY), bytes(VALUE))).isEqualTo(new Event.AssociationUpserted(STRONG));
        assertThat(codec.decode(bytes(KEY), null)).isEqualTo(new Event.AssociationTombstoned(STRONG.key()));
        assertThat(codec.decode(
                        bytes("{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".c\",\"magic\":0}"), null))
                .isEqualTo(new Event.ContextDeleted("default", ".c"));
    }

    @Test
    void shouldFoldAssociationsKeepingTheirCreationTime() {
        // when created, rewritten as WEAK, then a second one created
        pipe(KEY, VALUE, 1000);
        pipe(KEY, VALUE.replace("\"STRONG\",\"frozen\":true", "\"WEAK\",\"frozen\":false"), 2000);
        pipe(KEY.replace("value", "key"), VALUE.replace("value", "key"), 3000);

        // then
        assertThat(store.associationsByResourceId("id-1"))
                .extracting(
                        Association::associationType,
                        Association::lifecycle,
                        Association::createTimestamp,
                        Association::updateTimestamp)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("key", Association.Lifecycle.STRONG, 3000L, 3000L),
                        org.assertj.core.groups.Tuple.tuple("value", Association.Lifecycle.WEAK, 1000L, 2000L));
        assertThat(store.associationsBySubject(":.lkc-1:orders-value")).hasSize(1);
    }

    @Test
    void shouldForgetATombstonedAssociation() {
        // when
        pipe(KEY, VALUE, 1000);
        pipe(KEY, null, 2000);

        // then
        assertThat(store.associations()).isEmpty();
        assertThat(store.associationsBySubject(":.lkc-1:orders-value")).isEmpty();
        assertThat(store.associationsByResourceId("id-1")).isEmpty();
    }

    @Test
    void shouldSkipAMalformedAssociationAndFoldTheNextRecord() {
        // when a value without its resource id, one with an unknown lifecycle, then a good one
        pipe(KEY, VALUE.replace("\"resourceId\":\"id-1\",", ""), 1000);
        pipe(KEY, VALUE.replace("STRONG", "FIRM"), 1001);
        pipe(KEY, VALUE, 1002);

        // then
        assertThat(store.skippedCount()).isEqualTo(2);
        assertThat(store.associations())
                .singleElement()
                .extracting(Association::guid)
                .isEqualTo(STRONG.guid());
        assertThat(store.appliedOffset()).isEqualTo(2);
    }

    @Test
    void shouldDropADeletedContextFromTheList() {
        // when
        pipe(
                "{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".c\",\"magic\":0}",
                "{\"tenant\":\"default\",\"context\":\".c\"}",
                1);
        pipe(
                "{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".d\",\"magic\":0}",
                "{\"tenant\":\"default\",\"context\":\".d\"}",
                2);
        pipe("{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".c\",\"magic\":0}", null, 3);

        // then
        assertThat(store.contexts()).containsExactly(".", ".d");
    }
}
