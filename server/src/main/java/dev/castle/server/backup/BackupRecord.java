package dev.castle.server.backup;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One record of {@code _schemas} as a backup holds it: the key and value bytes, either of which may be null (a null
 * value is a tombstone). Offsets, timestamps and headers are not kept: the registry interprets none of them.
 */
public record BackupRecord(byte[] key, byte[] value) {

    /** A record from UTF-8 text; null stays null. */
    public static BackupRecord of(String key, String value) {
        return new BackupRecord(utf8(key), utf8(value));
    }

    private static byte[] utf8(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BackupRecord that && Arrays.equals(key, that.key) && Arrays.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return text(key) + "|" + text(value);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "NULL" : new String(bytes, StandardCharsets.UTF_8);
    }
}
