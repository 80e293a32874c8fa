package dev.castle.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SchemasTopicTest {

    @Test
    void shouldCapReplicationFactorByLiveBrokers() {
        assertThat(SchemasTopic.replicationFactor(3, 1)).isEqualTo((short) 1);
        assertThat(SchemasTopic.replicationFactor(3, 5)).isEqualTo((short) 3);
        assertThat(SchemasTopic.replicationFactor(0, 5)).isEqualTo((short) 1);
    }

    @Test
    void shouldRefuseTopicWithMoreThanOnePartition() {
        assertThatThrownBy(() -> SchemasTopic.verify("_schemas", 3, "compact"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The schema topic _schemas should have only 1 partition but has 3");
    }

    @Test
    void shouldRefuseTopicWithoutCompaction() {
        assertThatThrownBy(() -> SchemasTopic.verify("_schemas", 1, "delete"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageEndingWith("Expected cleanup.policy to be 'compact' but it is delete");
        assertThatThrownBy(() -> SchemasTopic.verify("_schemas", 1, "compact,delete"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldAcceptSinglePartitionCompactedTopic() {
        assertThatCode(() -> SchemasTopic.verify("_schemas", 1, "compact")).doesNotThrowAnyException();
    }
}
