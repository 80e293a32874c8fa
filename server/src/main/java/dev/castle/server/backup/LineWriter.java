package dev.castle.server.backup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a backup in {@link LineFormat} to a temporary file beside the target, and on {@link #commit()} moves it into
 * place and writes its {@link Checksum} sidecar; a backup that fails half-way leaves no file behind.
 */
final class LineWriter implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LineWriter.class);

    private final Path target;
    private final Path temporary;
    private final BufferedWriter out;
    private long written;
    private boolean warned;
    private boolean committed;

    private LineWriter(Path target, Path temporary, BufferedWriter out) {
        this.target = target;
        this.temporary = temporary;
        this.out = out;
    }

    /** Refuses an existing target unless {@code overwrite}. */
    static LineWriter open(Path target, boolean overwrite) throws IOException {
        Path absolute = target.toAbsolutePath();
        if (Files.exists(absolute) && !overwrite) {
            throw new BackupException("The backup file " + target + " exists; pass --overwrite to replace it");
        }
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".partial");
        return new LineWriter(absolute, temporary, Files.newBufferedWriter(temporary, StandardCharsets.UTF_8));
    }

    void write(BackupRecord record, long offset) {
        String line = LineFormat.line(record, offset);
        if (!warned && LineFormat.ambiguousForConsoleProducer(line)) {
            warned = true;
            log.warn(
                    "The key at offset {} holds '|'; Castle restores this backup, kafka-console-producer.sh would not",
                    offset);
        }
        try {
            out.write(line);
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup " + temporary, e);
        }
        written++;
    }

    long written() {
        return written;
    }

    /** Moves the file into place and writes the sidecar checksum. */
    void commit() throws IOException {
        out.close();
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        Path sidecar = Checksum.sidecar(target);
        Path partial = Files.createTempFile(target.getParent(), "." + sidecar.getFileName(), ".partial");
        Files.writeString(partial, Checksum.line(target, target.getFileName().toString()), StandardCharsets.UTF_8);
        Files.move(partial, sidecar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        out.close();
        if (!committed) {
            Files.deleteIfExists(temporary);
        }
    }
}
