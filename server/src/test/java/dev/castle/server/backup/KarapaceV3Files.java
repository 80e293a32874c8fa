package dev.castle.server.backup;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes backups in Karapace's v3 layout by hand, the way its tool lays them out, for the reader's tests. */
final class KarapaceV3Files {
    private KarapaceV3Files() {}

    /** A metadata file and one data file for {@code records} in {@code dir}; a checkpoint every {@code every}. */
    static Path write(Path dir, String topic, List<BackupRecord> records, int every) throws IOException {
        Files.createDirectories(dir);
        String dataName = topic + ":0.data";
        XxHash64 running = new XxHash64();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        for (int i = 0; i < records.size(); i++) {
            Avro record = new Avro();
            record.nullableBytes(records.get(i).key());
            record.nullableBytes(records.get(i).value());
            record.varint(0); // no headers
            record.varint(10 + i); // offset
            record.varint(1_700_000_000_000L); // timestamp
            record.nullableBytes(i > 0 && i % every == 0 ? running.digest() : null);
            byte[] framed = framed(record.bytes());
            running.update(framed);
            data.write(framed);
        }
        Files.write(dir.resolve(dataName), data.toByteArray());
        Avro metadata = new Avro();
        metadata.varint(3);
        metadata.string("karapace");
        metadata.string("3.4.0");
        metadata.varint(1_700_000_000_000L);
        metadata.varint(1_700_000_000_100L);
        metadata.varint(records.size());
        metadata.string(topic);
        metadata.varint(1); // topic_id: null
        metadata.varint(1); // partition_count
        metadata.varint(3); // replication_factor
        metadata.varint(1);
        metadata.string("cleanup.policy");
        metadata.string("compact");
        metadata.varint(0);
        if (records.isEmpty()) {
            metadata.varint(0);
        } else {
            metadata.varint(1);
            metadata.string(dataName);
            metadata.varint(0); // partition
            metadata.bytes(running.digest());
            metadata.varint(records.size());
            metadata.varint(10);
            metadata.varint(10 + records.size() - 1);
            metadata.varint(0);
        }
        metadata.varint(1); // xxhash3_64_be
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write("/V3\n".getBytes(StandardCharsets.US_ASCII));
        file.write(framed(metadata.bytes()));
        Path metadataFile = dir.resolve(topic + ".metadata");
        Files.write(metadataFile, file.toByteArray());
        return metadataFile;
    }

    private static byte[] framed(byte[] bytes) {
        byte[] out = new byte[bytes.length + 4];
        out[0] = (byte) (bytes.length >>> 24);
        out[1] = (byte) (bytes.length >>> 16);
        out[2] = (byte) (bytes.length >>> 8);
        out[3] = (byte) bytes.length;
        System.arraycopy(bytes, 0, out, 4, bytes.length);
        return out;
    }

    private static final class Avro {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        void varint(long value) {
            long zigzag = (value << 1) ^ (value >> 63);
            while ((zigzag & ~0x7FL) != 0) {
                out.write((int) ((zigzag & 0x7F) | 0x80));
                zigzag >>>= 7;
            }
            out.write((int) zigzag);
        }

        void bytes(byte[] bytes) {
            varint(bytes.length);
            out.writeBytes(bytes);
        }

        void string(String text) {
            bytes(text.getBytes(StandardCharsets.UTF_8));
        }

        void nullableBytes(byte[] bytes) {
            if (bytes == null) {
                varint(1);
            } else {
                varint(0);
                bytes(bytes);
            }
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
