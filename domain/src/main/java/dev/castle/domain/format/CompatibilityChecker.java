package dev.castle.domain.format;

import dev.castle.domain.CompatibilityLevel;
import dev.castle.domain.SchemaType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Applies a compatibility level to a candidate schema and the live versions before it (spec §7.1), producing
 * Confluent's message list (spec §7.4): the differences of the first failing version, then {@code {oldSchemaVersion:
 * n}}, {@code {oldSchema: '...'}}, and finally {@code {validateFields: '...', compatibility: '...'}}. Empty means
 * compatible.
 */
public final class CompatibilityChecker {
    static final String DIFFERENT_TYPE = "Incompatible because of different schema type";
    private static final int MAX_OLD_SCHEMA = 10 * 1024;
    private static final String NEW = "new";
    private static final String OLD = "old";

    private CompatibilityChecker() {}

    /** A version to compare against; the schema is parsed only when it is compared with one of its own type. */
    public record Previous(Integer version, SchemaType type, Supplier<ParsedSchema> schema) {}

    /**
     * Checks {@code candidate} against {@code previous} (chronological, oldest first) under {@code level}: non-
     * transitive levels compare with the newest only, transitive ones with each newest to oldest until one fails.
     */
    public static List<String> check(
            CompatibilityLevel level, ParsedSchema candidate, List<Previous> previous, boolean validateFields) {
        List<String> messages = new ArrayList<>();
        if (level != CompatibilityLevel.NONE) {
            for (int i = previous.size() - 1; i >= 0 && messages.isEmpty(); i--) {
                messages.addAll(against(level, candidate, previous.get(i)));
                if (!level.transitive()) {
                    break;
                }
            }
        }
        if (!messages.isEmpty()) {
            messages.add(summary(level, validateFields));
        }
        return messages;
    }

    /** The closing message of a failed check: {@code {validateFields: '...', compatibility: '...'}}. */
    public static String summary(CompatibilityLevel level, boolean validateFields) {
        return "{validateFields: '" + validateFields + "', compatibility: '" + level + "'}";
    }

    private static List<String> against(CompatibilityLevel level, ParsedSchema candidate, Previous previous) {
        if (previous.type() != candidate.type()) {
            return new ArrayList<>(List.of(DIFFERENT_TYPE));
        }
        ParsedSchema old = previous.schema().get();
        List<String> messages = new ArrayList<>();
        if (level.forward()) {
            messages.addAll(fill(old.readDifferences(candidate), OLD, NEW));
            if (!level.backward()) {
                appendOld(messages, previous.version(), old);
            }
        }
        if (level.backward()) {
            List<String> backward = fill(candidate.readDifferences(old), NEW, OLD);
            appendOld(backward, previous.version(), old);
            messages.addAll(backward);
        }
        return messages;
    }

    private static List<String> fill(List<String> differences, String reader, String writer) {
        List<String> filled = new ArrayList<>(differences.size());
        for (String difference : differences) {
            filled.add(difference.replace(ParsedSchema.READER, reader).replace(ParsedSchema.WRITER, writer));
        }
        return filled;
    }

    private static void appendOld(List<String> messages, Integer version, ParsedSchema old) {
        if (messages.isEmpty()) {
            return;
        }
        if (version != null) {
            messages.add("{oldSchemaVersion: " + version + "}");
        }
        String text = old.canonical();
        if (text.length() <= MAX_OLD_SCHEMA) {
            messages.add("{oldSchema: '" + text + "'}");
        } else {
            messages.add("{oldSchema: <truncated> '" + text.substring(0, MAX_OLD_SCHEMA) + "...'}");
        }
    }
}
