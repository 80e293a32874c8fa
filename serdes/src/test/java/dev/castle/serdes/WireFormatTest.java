package dev.castle.serdes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    @Test
    void shouldFrameWithMagicByteAndBigEndianId() {
        byte[] framed = WireFormat.frame(0x01020304, new byte[] {7, 8});

        assertThat(framed).containsExactly(0, 1, 2, 3, 4, 7, 8);
    }

    @Test
    void shouldReadBackIdAndPayload() {
        WireFormat.Framed framed = WireFormat.read(WireFormat.frame(42, new byte[] {9}));

        assertThat(framed.schemaId()).isEqualTo(42);
        assertThat(framed.payload().remaining()).isEqualTo(1);
        assertThat(framed.payload().get()).isEqualTo((byte) 9);
    }

    @Test
    void shouldWriteTheFirstMessagePathAsASingleZeroByte() {
        assertThat(WireFormat.messageIndexes(List.of(0))).containsExactly(0);
        assertThat(WireFormat.frame(1, List.of(0), new byte[] {5})).containsExactly(0, 0, 0, 0, 1, 0, 5);
    }

    @Test
    void shouldWriteOtherPathsAsCountThenZigZagIndexes() {
        assertThat(WireFormat.messageIndexes(List.of(1))).containsExactly(2, 2);
        assertThat(WireFormat.messageIndexes(List.of(0, 2))).containsExactly(4, 0, 4);
    }

    @Test
    void shouldRoundTripMessageIndexPaths() {
        for (List<Integer> path : List.of(List.of(0), List.of(1), List.of(0, 2), List.of(3, 0, 70))) {
            ByteBuffer buffer = ByteBuffer.wrap(WireFormat.messageIndexes(path));

            assertThat(WireFormat.readMessageIndexes(buffer)).isEqualTo(path);
            assertThat(buffer.hasRemaining()).isFalse();
        }
    }

    @Test
    void shouldLeaveTheBufferAfterTheIndexes() {
        ByteBuffer payload = WireFormat.read(WireFormat.frame(1, List.of(0, 2), new byte[] {8}))
                .payload();

        assertThat(WireFormat.readMessageIndexes(payload)).containsExactly(0, 2);
        assertThat(payload.get()).isEqualTo((byte) 8);
    }

    @Test
    void shouldRejectAWrongMagicByte() {
        assertThatThrownBy(() -> WireFormat.read(new byte[] {1, 0, 0, 0, 1, 2}))
                .isInstanceOfSatisfying(
                        SerdesException.class, e -> assertThat(e.kind()).isEqualTo(SerdesException.Kind.BAD_FRAME))
                .hasMessage("Unknown magic byte!");
    }

    @Test
    void shouldRejectInputShorterThanTheHeader() {
        for (byte[] bytes : new byte[][] {null, {}, {0, 0, 0, 1}}) {
            assertThatThrownBy(() -> WireFormat.read(bytes))
                    .isInstanceOfSatisfying(
                            SerdesException.class, e -> assertThat(e.kind()).isEqualTo(SerdesException.Kind.BAD_FRAME));
        }
    }

    @Test
    void shouldRejectTruncatedMessageIndexes() {
        assertThatThrownBy(() -> WireFormat.readMessageIndexes(ByteBuffer.wrap(new byte[] {4, 0})))
                .isInstanceOfSatisfying(
                        SerdesException.class, e -> assertThat(e.kind()).isEqualTo(SerdesException.Kind.BAD_FRAME));
        assertThatThrownBy(() -> WireFormat.readMessageIndexes(ByteBuffer.wrap(new byte[] {(byte) 0x80})))
                .isInstanceOf(SerdesException.class);
    }

    @Test
    void shouldRejectANegativeIndexCount() {
        assertThatThrownBy(() -> WireFormat.readMessageIndexes(ByteBuffer.wrap(new byte[] {1, 0})))
                .isInstanceOf(SerdesException.class)
                .hasMessage("Invalid message indexes");
    }
}
