package dev.castle.server.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Karapace's v3 backup: a metadata file ({@code /V3\n}, a big-endian uint32 length, an Avro {@code Metadata}
 * record naming the topic and its data files with their record counts, offsets and XXH64 checksums) and one data file
 * of length-prefixed Avro {@code Record}s (key, value, headers, offset, timestamp, and every so often the running
 * checksum of the records before it). Every checksum, count and offset is verified before any record is returned.
 * Headers and timestamps are dropped: the registry reads neither.
 */
final class KarapaceV3 {
    private static final Logger log = LoggerFactory.getLogger(KarapaceV3.class);
    static final byte[] MARKER = "/V3\n".getBytes(StandardCharsets.US_ASCII);
    private static final int XXHASH64 = 1;

    private KarapaceV3() {}

    record DataFile(
            String filename, long partition, byte[] checksum, long recordCount, int startOffset, int endOffset) {}

    record Metadata(String topic, int partitionCount, long recordCount, List<DataFile> dataFiles, int algorithm) {}

    /** The metadata file: {@code location} itself, or the only {@code *.metadata} file of a directory. */
    static Path metadataFile(Path location) throws IOException {
        if (!Files.isDirectory(location)) {
            return location;
        }
        List<Path> found;
        try (Stream<Path> files = Files.list(location)) {
            found = files.filter(file -> file.getFileName().toString().endsWith(".metadata"))
                    .toList();
        }
        if (found.size() != 1) {
            throw new BackupException("The directory " + location + " must hold exactly one .metadata file of a"
                    + " Karapace v3 backup, but holds " + found.size());
        }
        return found.get(0);
    }

    static List<BackupRecord> read(Path location) throws IOException {
        Path metadataFile = metadataFile(location);
        Metadata metadata = metadata(Files.readAllBytes(metadataFile));
        if (metadata.algorithm() != XXHASH64) {
            throw new BackupException("The backup " + metadataFile + " uses a checksum algorithm Castle does not know"
                    + " (index " + metadata.algorithm() + "); only xxhash3_64_be backups can be verified");
        }
        if (metadata.partitionCount() != 1 || metadata.dataFiles().size() > 1) {
            throw new BackupException("The backup " + metadataFile + " is of a topic with " + metadata.partitionCount()
                    + " partitions; a schema topic has exactly one");
        }
        log.info("Reading Karapace v3 backup of topic {} ({} records)", metadata.topic(), metadata.recordCount());
        List<BackupRecord> records = new ArrayList<>();
        for (DataFile dataFile : metadata.dataFiles()) {
            Path path = metadataFile.resolveSibling(dataFile.filename());
            records.addAll(records(Files.readAllBytes(path), dataFile, path));
        }
        return records;
    }

    static Metadata metadata(byte[] file) {
        if (file.length < 8 || !Arrays.equals(Arrays.copyOf(file, 4), MARKER)) {
            throw new BackupException("Not a Karapace v3 metadata file: it does not begin with /V3");
        }
        int size = uint32(file, 4);
        if (size > file.length - 8) {
            throw new BackupException("The Karapace v3 metadata file is truncated");
        }
        AvroBinary avro = new AvroBinary(Arrays.copyOfRange(file, 8, 8 + size));
        avro.readInt(); // version
        avro.readString(); // tool_name
        avro.readString(); // tool_version
        avro.readLong(); // started_at
        avro.readLong(); // finished_at
        long recordCount = avro.readInt();
        String topic = avro.readString();
        if (avro.readLong() == 0) {
            avro.readString(); // topic_id
        }
        int partitionCount = avro.readInt();
        avro.readInt(); // replication_factor
        for (long n = avro.readBlockCount(); n > 0; n = avro.readBlockCount()) {
            for (long i = 0; i < n; i++) {
                avro.readString(); // topic configuration name
                avro.readString(); // and value
            }
        }
        List<DataFile> dataFiles = new ArrayList<>();
        for (long n = avro.readBlockCount(); n > 0; n = avro.readBlockCount()) {
            for (long i = 0; i < n; i++) {
                dataFiles.add(new DataFile(
                        avro.readString(),
                        avro.readLong(),
                        avro.readBytes(),
                        avro.readLong(),
                        avro.readInt(),
                        avro.readInt()));
            }
        }
        int algorithm = avro.atEnd() ? 0 : avro.readInt();
        return new Metadata(topic, partitionCount, recordCount, dataFiles, algorithm);
    }

    static List<BackupRecord> records(byte[] file, DataFile dataFile, Path path) {
        XxHash64 running = new XxHash64();
        List<BackupRecord> records = new ArrayList<>();
        int position = 0;
        long first = -1;
        long last = -1;
        for (long i = 0; i < dataFile.recordCount(); i++) {
            if (file.length - position < 4) {
                throw corrupt(
                        path, "it holds " + i + " records, fewer than the " + dataFile.recordCount() + " expected");
            }
            int size = uint32(file, position);
            if (size > file.length - position - 4) {
                throw corrupt(path, "record " + i + " is truncated");
            }
            Decoded record = decode(Arrays.copyOfRange(file, position + 4, position + 4 + size), path, i);
            long offset = record.offset();
            byte[] checkpoint = record.checkpoint();
            if (checkpoint != null && !Arrays.equals(checkpoint, running.digest())) {
                throw corrupt(path, "the checksum before record " + i + " (offset " + offset + ") does not match");
            }
            running.update(file, position, 4 + size);
            position += 4 + size;
            first = first < 0 ? offset : first;
            last = offset;
            records.add(record.record());
        }
        if (position != file.length) {
            throw corrupt(path, "it holds data after the " + dataFile.recordCount() + " expected records");
        }
        if (!records.isEmpty() && (first != dataFile.startOffset() || last != dataFile.endOffset())) {
            throw corrupt(
                    path,
                    "its offsets " + first + ".." + last + " are not the expected " + dataFile.startOffset() + ".."
                            + dataFile.endOffset());
        }
        if (!Arrays.equals(running.digest(), dataFile.checksum())) {
            throw corrupt(
                    path,
                    "its checksum is " + HexFormat.of().formatHex(running.digest()) + ", not the expected "
                            + HexFormat.of().formatHex(dataFile.checksum()));
        }
        return records;
    }

    private record Decoded(BackupRecord record, long offset, byte[] checkpoint) {}

    private static Decoded decode(byte[] bytes, Path path, long index) {
        try {
            AvroBinary avro = new AvroBinary(bytes);
            BackupRecord record = new BackupRecord(avro.readNullableBytes(), avro.readNullableBytes());
            skipHeaders(avro);
            long offset = avro.readLong();
            avro.readLong(); // timestamp
            return new Decoded(record, offset, avro.readNullableBytes());
        } catch (BackupException | ArithmeticException e) {
            throw corrupt(path, "record " + index + " cannot be read (" + e.getMessage() + ")");
        }
    }

    private static void skipHeaders(AvroBinary avro) {
        for (long n = avro.readBlockCount(); n > 0; n = avro.readBlockCount()) {
            for (long i = 0; i < n; i++) {
                avro.readBytes();
                avro.readBytes();
            }
        }
    }

    private static int uint32(byte[] bytes, int at) {
        long value = ((bytes[at] & 0xFFL) << 24)
                | ((bytes[at + 1] & 0xFFL) << 16)
                | ((bytes[at + 2] & 0xFFL) << 8)
                | (bytes[at + 3] & 0xFFL);
        return (int) Math.min(value, Integer.MAX_VALUE);
    }

    private static BackupException corrupt(Path path, String why) {
        return new BackupException(
                "The Karapace v3 data file " + path + " is damaged: " + why + "; nothing was restored");
    }
}
