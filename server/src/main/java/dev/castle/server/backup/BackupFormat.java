package dev.castle.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The backup formats {@code backup restore} reads, told apart by their first bytes: Karapace's v3 ({@code /V3}, or
 * a directory holding its metadata file), v2 ({@code /V2}), v1 (a JSON array), and otherwise Castle's own lines.
 */
enum BackupFormat {
    CASTLE,
    KARAPACE_V1,
    KARAPACE_V2,
    KARAPACE_V3;

    static BackupFormat detect(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            return KARAPACE_V3;
        }
        byte[] head = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(location)) {
            read = in.readNBytes(head, 0, 4);
        }
        if (read == 4 && Arrays.equals(head, KarapaceV3.MARKER)) {
            return KARAPACE_V3;
        }
        if (read == 4 && Arrays.equals(head, KarapaceV2.MARKER)) {
            return KARAPACE_V2;
        }
        String start = new String(head, 0, read, StandardCharsets.UTF_8).stripLeading();
        return start.startsWith("[") ? KARAPACE_V1 : CASTLE;
    }

    /**
     * The records of a backup, in order. Castle's file is checked against its sidecar checksum when there is one;
     * the keys of Karapace's v1 and v2 backups are rewritten in Confluent's canonical byte form, as Karapace does on
     * restoring them, since v1 keeps no bytes and old Karapace versions wrote pretty-printed keys.
     */
    List<BackupRecord> read(Path location) throws IOException {
        switch (this) {
            case CASTLE:
                Checksum.verify(location);
                return LineFormat.parse(Files.readString(location, StandardCharsets.UTF_8));
            case KARAPACE_V1:
                return canonicalKeys(KarapaceV1.parse(Files.readAllBytes(location)));
            case KARAPACE_V2:
                return canonicalKeys(KarapaceV2.parse(Files.readAllBytes(location)));
            default:
                return KarapaceV3.read(location);
        }
    }

    private static List<BackupRecord> canonicalKeys(List<BackupRecord> records) {
        return records.stream()
                .map(record -> new BackupRecord(CanonicalKey.of(record.key()), record.value()))
                .toList();
    }
}
