package dev.castle.proto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class MessageIndexesTest {

    private static final String FILE = "syntax = \"proto3\"; package p;"
            + " message First { message Inner { } enum E { A = 0; } message Second { message Deep { } } }"
            + " enum Skipped { S = 0; } message Last { }";

    @Test
    void shouldEncodeFirstMessageAsSingleZeroByte() {
        assertThat(MessageIndexes.of(0).encode()).containsExactly(0x00);
    }

    @Test
    void shouldEncodeNestedPathWithZigZagVarints() {
        // given the second nested message inside the first top-level message
        MessageIndexes indexes = MessageIndexes.of(0, 1);

        // when / then: count 2 -> 04, 0 -> 00, 1 -> 02
        assertThat(indexes.encode()).containsExactly(0x04, 0x00, 0x02);
    }

    @Test
    void shouldEncodeLargeIndexAsMultiByteVarint() {
        // given index 64, whose zig-zag value 128 needs two bytes
        assertThat(MessageIndexes.of(64).encode()).containsExactly(0x02, 0x80, 0x01);
    }

    @Test
    void shouldDecodeWhatItEncodes() {
        for (MessageIndexes indexes :
                new MessageIndexes[] {MessageIndexes.of(0), MessageIndexes.of(1), MessageIndexes.of(0, 1, 300)}) {
            // given
            ByteBuffer buffer = ByteBuffer.wrap(indexes.encode());

            // when
            MessageIndexes decoded = MessageIndexes.decode(buffer);

            // then
            assertThat(decoded).isEqualTo(indexes);
            assertThat(buffer.hasRemaining()).isFalse();
        }
    }

    @Test
    void shouldRejectTruncatedIndexes() {
        assertThatThrownBy(() -> MessageIndexes.decode(ByteBuffer.wrap(new byte[] {0x04, 0x00})))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldFindIndexPathOfMessagesByFullName() {
        // given a file with nested messages and enums in between
        ProtoFile file = ProtoFile.parse(FILE);

        // when / then: enums are not counted
        assertThat(file.messageIndexes("p.First")).contains(MessageIndexes.of(0));
        assertThat(file.messageIndexes("p.First.Second")).contains(MessageIndexes.of(0, 1));
        assertThat(file.messageIndexes(".p.First.Second.Deep")).contains(MessageIndexes.of(0, 1, 0));
        assertThat(file.messageIndexes("p.Last")).contains(MessageIndexes.of(1));
        assertThat(file.messageIndexes("p.Missing")).isEmpty();
    }

    @Test
    void shouldFindMessageNameByIndexPath() {
        // given
        ProtoFile file = ProtoFile.parse(FILE);

        // when / then
        assertThat(file.messageName(MessageIndexes.of(0, 1, 0))).contains("p.First.Second.Deep");
        assertThat(file.messageName(MessageIndexes.of(1))).contains("p.Last");
        assertThat(file.messageName(MessageIndexes.of(2))).isEmpty();
    }
}
