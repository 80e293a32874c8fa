package dev.castle.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Confluent's content hash (spec §4.3): MD5 over the canonical schema text, then each reference's name, subject and
 * 4-byte big-endian version, then 0x01 + the metadata's fields and 0x01 + the rule set's fields when present
 * ({@link ContractForm}, so the order a contract was written in does not matter). The schema type is not hashed. The
 * same 16 bytes, written as a UUID, are the schema's GUID (Confluent 8.x).
 */
public final class SchemaFingerprint {
    private static final MessageDigest MD5 = newMd5();

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
            ContractForm.hashMetadata(md5, metadata);
        }
        if (ruleSet != null) {
            md5.update((byte) 1);
            ContractForm.hashRuleSet(md5, ruleSet);
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    public static String of(SchemaVersion schema) {
        return of(schema.schema(), schema.references(), schema.metadata(), schema.ruleSet());
    }

    /** The schema's GUID: its hash written as a UUID ({@code 8-4-4-4-12} lower-case hex digits). */
    public static String guid(SchemaVersion schema) {
        return guidOf(of(schema));
    }

    /** A hash of {@link #of} written as a UUID. */
    public static String guidOf(String fingerprint) {
        return fingerprint.substring(0, 8)
                + '-'
                + fingerprint.substring(8, 12)
                + '-'
                + fingerprint.substring(12, 16)
                + '-'
                + fingerprint.substring(16, 20)
                + '-'
                + fingerprint.substring(20);
    }

    /** The hash a GUID (or 32 hex digits) names, or empty when the text is neither. */
    public static Optional<String> fingerprintOfGuid(String guid) {
        try {
            UUID uuid = UUID.fromString(guid);
            return Optional.of(HexFormat.of()
                    .formatHex(ByteBuffer.allocate(16)
                            .putLong(uuid.getMostSignificantBits())
                            .putLong(uuid.getLeastSignificantBits())
                            .array()));
        } catch (IllegalArgumentException e) {
            if (guid.length() == 32 && guid.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return Optional.of(guid.toLowerCase(Locale.ROOT));
            }
            return Optional.empty();
        }
    }

    /**
     * A fresh MD5 digest, cloned from one made at start: {@link MessageDigest#getInstance} searches the security
     * providers on every call, which cost about 3% of the CPU time of re-registering a known schema.
     */
    private static MessageDigest md5() {
        try {
            return (MessageDigest) MD5.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's MD5 can be cloned", e);
        }
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every JVM", e);
        }
    }
}
