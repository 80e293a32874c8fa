package dev.castle.server.backup;

/**
 * XXH64 with seed 0, streaming: the checksum of Karapace's v3 backups (which it names {@code xxhash3_64_be}, but
 * computes with XXH64), its digest as eight big-endian bytes. {@link #digest()} does not end the stream.
 */
final class XxHash64 {
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private long v1 = P1 + P2;
    private long v2 = P2;
    private long v3 = 0;
    private long v4 = -P1;
    private long total;
    private final byte[] stripe = new byte[32];
    private int buffered;

    void update(byte[] bytes) {
        update(bytes, 0, bytes.length);
    }

    void update(byte[] bytes, int offset, int length) {
        total += length;
        int position = offset;
        int end = offset + length;
        if (buffered > 0) {
            int take = Math.min(32 - buffered, length);
            System.arraycopy(bytes, position, stripe, buffered, take);
            buffered += take;
            position += take;
            if (buffered < 32) {
                return;
            }
            consume(stripe, 0);
            buffered = 0;
        }
        for (; position + 32 <= end; position += 32) {
            consume(bytes, position);
        }
        System.arraycopy(bytes, position, stripe, 0, end - position);
        buffered = end - position;
    }

    /** The digest of everything so far, big-endian. */
    byte[] digest() {
        long hash = value();
        byte[] out = new byte[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = (byte) hash;
            hash >>>= 8;
        }
        return out;
    }

    long value() {
        long hash;
        if (total >= 32) {
            hash = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            hash = merge(merge(merge(merge(hash, v1), v2), v3), v4);
        } else {
            hash = P5;
        }
        hash += total;
        int position = 0;
        for (; position + 8 <= buffered; position += 8) {
            hash ^= round(0, littleEndian(stripe, position, 8));
            hash = Long.rotateLeft(hash, 27) * P1 + P4;
        }
        if (position + 4 <= buffered) {
            hash ^= littleEndian(stripe, position, 4) * P1;
            hash = Long.rotateLeft(hash, 23) * P2 + P3;
            position += 4;
        }
        for (; position < buffered; position++) {
            hash ^= (stripe[position] & 0xFFL) * P5;
            hash = Long.rotateLeft(hash, 11) * P1;
        }
        hash ^= hash >>> 33;
        hash *= P2;
        hash ^= hash >>> 29;
        hash *= P3;
        hash ^= hash >>> 32;
        return hash;
    }

    private void consume(byte[] bytes, int at) {
        v1 = round(v1, littleEndian(bytes, at, 8));
        v2 = round(v2, littleEndian(bytes, at + 8, 8));
        v3 = round(v3, littleEndian(bytes, at + 16, 8));
        v4 = round(v4, littleEndian(bytes, at + 24, 8));
    }

    private static long round(long accumulator, long input) {
        return Long.rotateLeft(accumulator + input * P2, 31) * P1;
    }

    private static long merge(long hash, long accumulator) {
        return (hash ^ round(0, accumulator)) * P1 + P4;
    }

    private static long littleEndian(byte[] bytes, int at, int length) {
        long value = 0;
        for (int i = length - 1; i >= 0; i--) {
            value = (value << 8) | (bytes[at + i] & 0xFFL);
        }
        return value;
    }
}
