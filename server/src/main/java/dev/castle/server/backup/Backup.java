package dev.castle.server.backup;

import dev.castle.server.CastleConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code backup get} and {@code backup restore}: the configured {@code _schemas} topic to a file and back. */
public final class Backup {
    private static final Logger log = LoggerFactory.getLogger(Backup.class);

    private Backup() {}

    /** Writes every committed record of the topic to {@code location} in Castle's line format; returns how many. */
    public static long get(CastleConfig config, Path location, boolean overwrite) {
        SchemasLog schemas = SchemasLog.of(config);
        try (LineWriter writer = LineWriter.open(location, overwrite)) {
            schemas.read(writer::write, "backing up " + schemas.topic());
            writer.commit();
            log.info("Backed up {} records of {} to {}", writer.written(), schemas.topic(), location);
            return writer.written();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup " + location, e);
        }
    }

    /**
     * Restores a backup in any format {@link BackupFormat} knows into the topic, creating it when absent; refuses a
     * topic that already holds registry records unless {@code force}. Returns how many records were written.
     */
    public static long restore(CastleConfig config, Path location, boolean force) {
        if (!Files.exists(location)) {
            throw new BackupException("The backup " + location + " does not exist");
        }
        List<BackupRecord> records;
        BackupFormat format;
        try {
            format = BackupFormat.detect(location);
            records = format.read(location);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the backup " + location, e);
        }
        SchemasLog schemas = SchemasLog.of(config);
        schemas.prepareForRestore(force);
        schemas.append(records, "restoring " + schemas.topic());
        log.info("Restored {} records from {} ({}) to {}", records.size(), location, format, schemas.topic());
        return records.size();
    }
}
