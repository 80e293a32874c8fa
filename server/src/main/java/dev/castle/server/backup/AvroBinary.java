package dev.castle.server.backup;

import java.nio.charset.StandardCharsets;

/**
 * Just enough of Avro's binary encoding to read Karapace's v3 backup records: zig-zag varints, length-prefixed bytes
 * and strings, union indexes and block-counted arrays and maps. Throws {@link BackupException} on truncated input.
 */
final class AvroBinary {
    private final byte[] bytes;
    private int position;

    AvroBinary(byte[] bytes) {
        this.bytes = bytes;
    }

    long readLong() {
        long raw = 0;
        for (int shift = 0; ; shift += 7) {
            if (shift > 63) {
                throw new BackupException("A varint in the backup is longer than 10 bytes");
            }
            int b = next();
            raw |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
        }
        return (raw >>> 1) ^ -(raw & 1);
    }

    int readInt() {
        return Math.toIntExact(readLong());
    }

    byte[] readBytes() {
        int length = readInt();
        if (length < 0 || length > bytes.length - position) {
            throw truncated();
        }
        byte[] out = new byte[length];
        System.arraycopy(bytes, position, out, 0, length);
        position += length;
        return out;
    }

    String readString() {
        return new String(readBytes(), StandardCharsets.UTF_8);
    }

    /** The bytes of a {@code ["bytes", "null"]} union: null for the second branch. */
    byte[] readNullableBytes() {
        long branch = readLong();
        if (branch == 0) {
            return readBytes();
        }
        if (branch == 1) {
            return null;
        }
        throw new BackupException("Unexpected union branch " + branch + " in the backup");
    }

    /** The item count of the next array or map block, 0 at the end; skips a negative count's block size. */
    long readBlockCount() {
        long count = readLong();
        if (count < 0) {
            readLong();
            return -count;
        }
        return count;
    }

    boolean atEnd() {
        return position >= bytes.length;
    }

    private int next() {
        if (position >= bytes.length) {
            throw truncated();
        }
        return bytes[position++] & 0xFF;
    }

    private static BackupException truncated() {
        return new BackupException("The backup ends in the middle of a record");
    }
}
