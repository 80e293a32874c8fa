package dev.castle.proto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Which message of a file a Kafka record holds: the position of a top-level message, then of each nested message
 * (enums not counted). On the wire it is a zig-zag varint count followed by each index as a zig-zag varint, except
 * that the common path {@code [0]} is the single byte {@code 0x00}.
 *
 * @param path indexes from the top-level message down; never empty
 */
public record MessageIndexes(List<Integer> path) {

    public MessageIndexes {
        path = List.copyOf(path);
        if (path.isEmpty()) {
            throw new IllegalArgumentException("A message index path has at least one index");
        }
    }

    public static MessageIndexes of(Integer... path) {
        return new MessageIndexes(List.of(path));
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (path.equals(List.of(0))) {
            out.write(0);
            return out.toByteArray();
        }
        writeZigZag(out, path.size());
        path.forEach(index -> writeZigZag(out, index));
        return out.toByteArray();
    }

    /** Reads a path from the buffer's position, leaving the position after it. */
    public static MessageIndexes decode(ByteBuffer buffer) {
        int count = readZigZag(buffer);
        if (count == 0) {
            return of(0);
        }
        if (count < 0 || count > buffer.remaining()) {
            throw new IllegalArgumentException("Invalid message index count " + count);
        }
        List<Integer> path = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            path.add(readZigZag(buffer));
        }
        return new MessageIndexes(path);
    }

    private static void writeZigZag(ByteArrayOutputStream out, int value) {
        int encoded = (value << 1) ^ (value >> 31);
        while ((encoded & 0xFFFFFF80) != 0) {
            out.write((encoded & 0x7F) | 0x80);
            encoded >>>= 7;
        }
        out.write(encoded);
    }

    private static int readZigZag(ByteBuffer buffer) {
        int raw = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (!buffer.hasRemaining()) {
                throw new IllegalArgumentException("Truncated message indexes");
            }
            byte b = buffer.get();
            raw |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw new IllegalArgumentException("Message index varint is too long");
    }
}
