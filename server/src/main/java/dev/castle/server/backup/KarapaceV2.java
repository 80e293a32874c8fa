package dev.castle.server.backup;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads Karapace's v2 backup: the line {@code /V2}, then one record a line, {@code KEY<TAB>VALUE}, each the record's
 * bytes in hex (Karapace writes upper case), {@code null} for null, and nothing for empty bytes.
 */
final class KarapaceV2 {
    static final byte[] MARKER = "/V2\n".getBytes(StandardCharsets.US_ASCII);

    private KarapaceV2() {}

    static List<BackupRecord> parse(byte[] file) {
        String text = new String(file, StandardCharsets.US_ASCII);
        String[] lines = text.split("\n", -1);
        if (!"/V2".equals(lines[0])) {
            throw new BackupException("Not a Karapace v2 backup: it does not begin with /V2");
        }
        List<BackupRecord> records = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() && i == lines.length - 1) {
                break;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 2) {
                throw new BackupException("Line " + (i + 1) + " of the Karapace v2 backup is not KEY<TAB>VALUE");
            }
            records.add(new BackupRecord(bytes(fields[0].strip(), i + 1), bytes(fields[1].strip(), i + 1)));
        }
        return records;
    }

    private static byte[] bytes(String hex, int line) {
        if ("null".equals(hex)) {
            return null;
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new BackupException("Line " + line + " of the Karapace v2 backup holds something other than hex");
        }
    }
}
