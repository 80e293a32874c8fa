package dev.castle.domain.format.avro;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.castle.domain.json.Jackson;
import java.io.IOException;
import java.util.Collection;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.AvroTypeException;

/**
 * Avro parse errors in the words Confluent's Avro (1.11) uses. Avro 1.12 resolves names only after the whole schema is
 * read: it reports a name that is never defined by its full name ({@code Undefined schema: ns.Other}) or through its
 * internal placeholder ({@code org.apache.avro.compiler.UnresolvedSchema_0}), where 1.11 stops at the first use of a
 * name not defined yet and quotes it as written. For those errors the schema is walked again as 1.11 reads it.
 */
final class ParseErrors {
    private static final ObjectMapper MAPPER = Jackson.MAPPER;
    private static final String PLACEHOLDER_NAME = "UnresolvedSchema_";
    /** How 1.12 prints a placeholder inside a schema; the group is the quoted name it stands for. */
    private static final Pattern PLACEHOLDER =
            Pattern.compile("\\{\"type\":\"record\",\"name\":\"UnresolvedSchema_\\d+\","
                    + "\"namespace\":\"org\\.apache\\.avro\\.compiler\",\"doc\":\"unresolved schema\",\"fields\":\\[\\],"
                    + "\"org\\.apache\\.avro\\.idl\\.unresolved\\.name\":(\"(?:[^\"\\\\]|\\\\.)*\")}");

    private static final Pattern BARE_PLACEHOLDER =
            Pattern.compile("org\\.apache\\.avro\\.compiler\\.UnresolvedSchema_\\d+");

    private ParseErrors() {}

    /**
     * The message for Avro's {@code error} while parsing {@code text} after the {@code references} (in that order);
     * like Confluent's, null when Avro's has none.
     */
    static String message(RuntimeException error, Collection<String> references, String text) {
        String message = error.getMessage();
        if (message == null) {
            return null;
        }
        boolean aboutNames = message.contains(PLACEHOLDER_NAME)
                || (error instanceof AvroTypeException && message.startsWith("Undefined schema: "));
        if (!aboutNames) {
            return message;
        }
        return firstNameError(references, text).orElseGet(() -> withoutPlaceholders(message));
    }

    /** The first name error Avro 1.11 meets reading the references and then the text, if any. */
    static Optional<String> firstNameError(Collection<String> references, String text) {
        NameWalk walk = new NameWalk();
        try {
            for (String reference : references) {
                walk.schema(MAPPER.readTree(reference));
            }
            walk.schema(MAPPER.readTree(text));
            return Optional.empty();
        } catch (NameWalk.Found found) {
            return Optional.of(found.getMessage());
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }

    /** 1.12's text with each placeholder printed as the name it stands for. */
    static String withoutPlaceholders(String message) {
        Matcher printed = PLACEHOLDER.matcher(message);
        String named = printed.replaceAll(match -> Matcher.quoteReplacement(match.group(1)));
        return BARE_PLACEHOLDER.matcher(named).replaceAll("an undefined name");
    }
}
