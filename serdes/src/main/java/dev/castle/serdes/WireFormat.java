package dev.castle.serdes;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Confluent's wire format: magic byte {@code 0}, the schema id as a 4-byte big-endian int, then the payload. A
 * Protobuf payload starts with the message-index path of the message in its file, as zig-zag varints: the count, then
 * each index; the common path {@code [0]} is written as the single byte {@code 0}.
 */
public final class WireFormat {
    public static final byte MAGIC = 0;

    private WireFormat() {}

    /** A framed record read back: its schema id and what follows the header. */
    public record Framed(int schemaId, ByteBuffer payload) {}

    /** {@code payload} framed with {@code schemaId}. */
    public static byte[] frame(int schemaId, byte[] payload) {
        return ByteBuffer.allocate(5 + payload.length)
                .put(MAGIC)
                .putInt(schemaId)
                .put(payload)
                .array();
    }

    /** A Protobuf {@code payload} framed with {@code schemaId} and the message-index path of its message. */
    public static byte[] frame(int schemaId, List<Integer> messageIndexes, byte[] payload) {
        byte[] indexes = messageIndexes(messageIndexes);
        return ByteBuffer.allocate(5 + indexes.length + payload.length)
                .put(MAGIC)
                .putInt(schemaId)
                .put(indexes)
                .put(payload)
                .array();
    }

    /**
     * Reads the header of a framed record.
     *
     * @throws SerdesException of kind {@link SerdesException.Kind#BAD_FRAME} when the bytes are too short or the
     *     magic byte is wrong
     */
    public static Framed read(byte[] bytes) {
        if (bytes == null || bytes.length < 5) {
            int length = bytes == null ? 0 : bytes.length;
            throw new SerdesException(
                    SerdesException.Kind.BAD_FRAME,
                    "Not Confluent's wire format: " + length + " bytes, shorter than the 5-byte header");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        if (buffer.get() != MAGIC) {
            throw new SerdesException(SerdesException.Kind.BAD_FRAME, "Unknown magic byte!");
        }
        int id = buffer.getInt();
        return new Framed(id, buffer.slice());
    }

    /** Reads a message-index path from the start of a Protobuf payload, leaving the buffer after it. */
    public static List<Integer> readMessageIndexes(ByteBuffer payload) {
        int count = readZigZag(payload);
        if (count == 0) {
            return List.of(0);
        }
        if (count < 0 || count > payload.remaining()) {
            throw new SerdesException(SerdesException.Kind.BAD_FRAME, "Invalid message indexes");
        }
        List<Integer> indexes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            indexes.add(readZigZag(payload));
        }
        return indexes;
    }

    static byte[] messageIndexes(List<Integer> indexes) {
        if (indexes.isEmpty()) {
            throw new IllegalArgumentException("A message-index path has at least one index");
        }
        if (indexes.equals(List.of(0))) {
            return new byte[] {0};
        }
        ByteBuffer buffer = ByteBuffer.allocate(5 * (indexes.size() + 1));
        writeZigZag(buffer, indexes.size());
        indexes.forEach(index -> writeZigZag(buffer, index));
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        return bytes;
    }

    private static void writeZigZag(ByteBuffer buffer, int value) {
        int v = (value << 1) ^ (value >> 31);
        while ((v & ~0x7F) != 0) {
            buffer.put((byte) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        buffer.put((byte) v);
    }

    private static int readZigZag(ByteBuffer buffer) {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            if (!buffer.hasRemaining()) {
                throw new SerdesException(SerdesException.Kind.BAD_FRAME, "Invalid message indexes");
            }
            byte b = buffer.get();
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (value >>> 1) ^ -(value & 1);
            }
        }
        throw new SerdesException(SerdesException.Kind.BAD_FRAME, "Invalid message indexes");
    }
}
