package dev.castle.server.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The backup formats {@code backup restore} reads: for now Castle's own lines. */
enum BackupFormat {
    CASTLE;

    static BackupFormat detect(Path location) throws IOException {
        return CASTLE;
    }

    /** The records of a backup, in order, checked against its sidecar checksum when there is one. */
    List<BackupRecord> read(Path location) throws IOException {
        Checksum.verify(location);
        return LineFormat.parse(Files.readString(location, StandardCharsets.UTF_8));
    }
}
