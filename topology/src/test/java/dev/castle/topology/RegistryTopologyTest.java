package dev.castle.topology;

import static dev.castle.topology.TopologyFixtures.avro;
import static dev.castle.topology.TopologyFixtures.schema;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.ConfigValue;
import dev.castle.domain.Event;
import dev.castle.domain.SchemaVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RegistryTopologyTest {
    private static final String TOPIC = "_schemas";

    private final SchemasCodec codec = new SchemasCodec();
    private final TopologyTestDriver driver = new TopologyTestDriver(RegistryTopology.build(TOPIC));
    private final TestInputTopic<byte[], byte[]> schemas =
            driver.createInputTopic(TOPIC, new ByteArraySerializer(), new ByteArraySerializer());
    private final RegistryStore store = (RegistryStore) driver.getStateStore(RegistryTopology.STORE_NAME);

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    private void pipe(Event... events) {
        for (Event event : events) {
            schemas.pipeInput(codec.encodeKey(event), codec.encodeValue(event));
        }
    }

    private void pipeRaw(String key, String value) {
        schemas.pipeInput(bytes(key), bytes(value));
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldFoldRecordsIntoTheGlobalStoreWithTheirOffsets() {
        // when
        pipe(
                new Event.SchemaUpserted(schema("s", 1, 1, avro("A"))),
                new Event.SchemaUpserted(schema("t", 1, 1, avro("A"))));

        // then
        assertThat(store.subjects()).containsExactly("s", "t");
        assertThat(store.versionsById(".", 1))
                .extracting(SchemaVersion::subject)
                .containsExactly("s", "t");
        assertThat(store.appliedOffset()).isEqualTo(1);
        assertThat(store.isOpen()).isTrue();
        assertThat(new RegistryStoreType().accepts(store)).isTrue();
    }

    @Test
    void shouldReplayTheCompactedLogOfSpecSection54() {
        // given a topic where compaction left only DELETE_SUBJECT and the re-registered v1
        pipe(new Event.SubjectDeleted("s", 1), new Event.SchemaUpserted(schema("s", 1, 2, avro("B"))));

        // then
        assertThat(store.versions("s")).containsExactly(schema("s", 1, 2, avro("B")));
    }

    @Test
    void shouldSoftDeleteVersionsOnDeleteSubjectAndForgetThemOnTombstones() {
        // given
        pipe(
                new Event.SchemaUpserted(schema("s", 1, 1, avro("A"))),
                new Event.SchemaUpserted(schema("s", 2, 2, avro("B"))));

        // when
        pipe(new Event.SubjectDeleted("s", 2), new Event.SchemaTombstoned("s", 1));

        // then
        assertThat(store.versions("s"))
                .containsExactly(schema("s", 2, 2, avro("B")).withDeleted(true));
        assertThat(store.versionsById(".", 1)).isEmpty();
        assertThat(store.maxId(".")).isEqualTo(2);
    }

    @Test
    void shouldResolveIdWhenOnlyASoftDeletedRecordRemains() {
        // when (spec §12.54)
        pipeRaw(
                "{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}",
                "{\"subject\":\"s\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\",\"deleted\":true}");

        // then
        assertThat(store.versionsById(".", 1))
                .singleElement()
                .extracting(SchemaVersion::deleted)
                .isEqualTo(true);
    }

    @Test
    void shouldSkipUndecodableRecordsAndStillAdvanceTheAppliedOffset() {
        // given
        pipe(new Event.SchemaUpserted(schema("s", 1, 1, avro("A"))));

        // when (spec §12.53)
        pipeRaw(null, null);
        pipeRaw("", "");
        pipeRaw("{not json", "{\"subject\":\"s\"}");
        pipeRaw("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":2,\"magic\":1}", "{broken");
        pipeRaw("{\"keytype\":\"UNKNOWN\",\"magic\":0}", "{}");
        pipeRaw("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":2,\"magic\":7}", "{}");

        // then
        assertThat(store.skippedCount()).isEqualTo(6);
        assertThat(store.appliedOffset()).isEqualTo(6);
        assertThat(store.awaitApplied(6, Duration.ZERO)).isTrue();
        assertThat(store.versions("s")).hasSize(1);
    }

    @Test
    void shouldSkipSchemaWhoseIdIsBoundToOtherContent() {
        // given
        pipe(new Event.SchemaUpserted(schema("s", 1, 1, avro("A"))));

        // when
        pipe(new Event.SchemaUpserted(schema("t", 1, 1, avro("B"))));

        // then
        assertThat(store.subjects()).containsExactly("s");
        assertThat(store.skippedCount()).isEqualTo(1);
        assertThat(store.appliedOffset()).isEqualTo(1);
    }

    @Test
    void shouldReadKarapaceKeyVariants() {
        // when
        pipeRaw("{\"keytype\":\"CONFIG\",\"subject\":null,\"magic\":0}", "{\"compatibilityLevel\":\"FULL\"}");
        pipeRaw("{\"subject\":\"s\",\"magic\":0,\"keytype\":\"CONFIG\"}", "{\"compatibilityLevel\":\"NONE\"}");
        pipeRaw(
                "{\"version\":1,\"magic\":1,\"keytype\":\"SCHEMA\",\"subject\":\"s\"}",
                "{\"deleted\":false,\"id\":5,\"schema\":\"\\\"int\\\"\",\"subject\":\"s\",\"version\":1}");

        // then
        assertThat(store.config(null)).contains(ConfigValue.of(CompatibilityLevel.FULL));
        assertThat(store.config("s")).contains(ConfigValue.of(CompatibilityLevel.NONE));
        assertThat(store.version("s", 1)).map(SchemaVersion::id).contains(5);
        assertThat(store.skippedCount()).isZero();
    }

    @Test
    void shouldReleaseWaitersWhenTheirOffsetIsApplied() throws Exception {
        // given
        CompletableFuture<Boolean> waiter =
                CompletableFuture.supplyAsync(() -> store.awaitApplied(1, Duration.ofSeconds(30)));
        pipe(new Event.Noop());
        assertThat(waiter).isNotDone();

        // when
        pipe(new Event.Noop());

        // then
        assertThat(waiter.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(store.awaitApplied(5, Duration.ofMillis(20))).isFalse();
    }
}
