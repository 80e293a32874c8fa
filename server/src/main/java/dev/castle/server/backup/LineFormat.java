package dev.castle.server.backup;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Castle's backup format: one record a line, {@code key|value}, {@code NULL} for a null key or value, UTF-8, in offset
 * order: what {@code kafka-console-consumer.sh --property print.key=true --property key.separator='|' --property
 * null.literal=NULL} prints, and what {@code kafka-console-producer.sh --property parse.key=true --property
 * key.separator='|' --property null.marker=NULL} produces back. The checksum lives beside the file ({@link
 * Checksum}), because every line of the file becomes a record for the console producer.
 */
final class LineFormat {
    static final char SEPARATOR = '|';
    static final String NULL = "NULL";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    private LineFormat() {}

    /**
     * The line of a record, without its line break. A key or value holding a line break (old Karapace versions wrote
     * pretty-printed JSON) is written as the same JSON, compact; one that is not JSON, or not UTF-8, cannot be written.
     */
    static String line(BackupRecord record, long offset) {
        return field(record.key(), "key", offset) + SEPARATOR + field(record.value(), "value", offset);
    }

    /** Whether the console producer would split this line at the wrong place: its key holds the separator. */
    static boolean ambiguousForConsoleProducer(String line) {
        int split = split(line);
        return split >= 0 && line.indexOf(SEPARATOR) != split;
    }

    /** The records of a file's text, in order. */
    static List<BackupRecord> parse(String text) {
        List<BackupRecord> records = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isEmpty() && i == lines.length - 1) {
                break;
            }
            records.add(parseLine(line, i + 1));
        }
        return records;
    }

    static BackupRecord parseLine(String line, int number) {
        int split = split(line);
        if (split < 0) {
            throw new BackupException("Line " + number + " has no '" + SEPARATOR + "' between key and value");
        }
        return BackupRecord.of(nullable(line.substring(0, split)), nullable(line.substring(split + 1)));
    }

    /**
     * Where the key ends. A JSON key may hold the separator inside a subject name, so the key is read as JSON when it
     * is; anything else ends at the first separator, as the console producer splits it.
     */
    private static int split(String line) {
        if (line.startsWith("{")) {
            try (JsonParser parser = JSON.getFactory().createParser(line)) {
                parser.nextToken();
                parser.skipChildren();
                if (parser.currentToken() == JsonToken.END_OBJECT) {
                    int end = (int) parser.currentLocation().getCharOffset();
                    if (end < line.length() && line.charAt(end) == SEPARATOR) {
                        return end;
                    }
                }
            } catch (IOException e) {
                // not JSON after all: split as the console producer does
            }
        }
        return line.indexOf(SEPARATOR);
    }

    private static String nullable(String field) {
        return NULL.equals(field) ? null : field;
    }

    private static String field(byte[] bytes, String what, long offset) {
        if (bytes == null) {
            return NULL;
        }
        String text = utf8(bytes, what, offset);
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = compactJson(text, what, offset);
        }
        if (NULL.equals(text)) {
            throw unwritable(what, offset, "is the text NULL, which stands for a null " + what);
        }
        return text;
    }

    private static String utf8(byte[] bytes, String what, long offset) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw unwritable(what, offset, "is not UTF-8");
        }
    }

    private static String compactJson(String text, String what, long offset) {
        try {
            JsonNode tree = JSON.readTree(text);
            return JSON.writeValueAsString(tree);
        } catch (IOException e) {
            throw unwritable(what, offset, "holds a line break and is not JSON");
        }
    }

    private static BackupException unwritable(String what, long offset, String why) {
        return new BackupException("The " + what + " of the record at offset " + offset + " " + why
                + ", so it cannot be written as a line; a registry never writes such a record: inspect it with"
                + " kafka-console-consumer.sh and remove it before backing up");
    }
}
