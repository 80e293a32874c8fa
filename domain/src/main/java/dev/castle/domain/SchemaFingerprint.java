package dev.castle.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Confluent's content hash (spec §4.3): MD5 over the canonical schema text, then each reference's name, subject and
 * 4-byte big-endian version, then 0x01 + metadata and 0x01 + ruleSet when present. The schema type is not hashed.
 */
public final class SchemaFingerprint {
    private SchemaFingerprint() {}

    /** The hash as 32 lower-case hex digits. */
    public static String of(String schema, List<SchemaReference> references, String metadata, String ruleSet) {
        MessageDigest md5 = md5();
        md5.update(schema.getBytes(StandardCharsets.UTF_8));
        for (SchemaReference ref : references) {
            md5.update(ref.name().getBytes(StandardCharsets.UTF_8));
            md5.update(ref.subject().getBytes(StandardCharsets.UTF_8));
            md5.update(ByteBuffer.allocate(4).putInt(ref.version()).array());
        }
        if (metadata != null) {
            md5.update((byte) 1);
            md5.update(metadata.getBytes(StandardCharsets.UTF_8));
        }
        if (ruleSet != null) {
            md5.update((byte) 1);
            md5.update(ruleSet.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    public static String of(SchemaVersion schema) {
        return of(schema.schema(), schema.references(), schema.metadata(), schema.ruleSet());
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }
}
