package dev.castle.rest.http;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Karapace's reading of {@code Content-Type} and {@code Accept} (spec kafka-rest-api §2.1–2.2): the first place in the
 * header that matches wins, q-values are not ranked, and v1 and v2 media types mean the same.
 */
public final class MediaTypes {
    /** What every answer is sent as, whichever version or format the request named (spec §2.3). */
    public static final String RESPONSE = "application/vnd.kafka.json.v2+json";

    private static final String FORMATS = "avro|jsonschema|json|protobuf|binary";
    private static final Pattern CONTENT_TYPE = Pattern.compile(
            "application/((vnd\\.kafka(\\.(" + FORMATS + "))?(\\.(v1|v2))?\\+json)|(json|octet-stream))");
    private static final Pattern ACCEPT =
            Pattern.compile("(application|\\*)/((vnd\\.kafka(\\.(" + FORMATS + "))?(\\.(v1|v2))?\\+json)|(json|\\*))");

    private MediaTypes() {}

    /** A request's media type: empty when it is not one the proxy reads, else its embedded format (empty: none named). */
    public static Optional<Optional<EmbeddedFormat>> contentType(String header) {
        String value = header == null || header.isBlank() ? "application/json" : header.split(";", 2)[0].trim();
        Matcher matcher = CONTENT_TYPE.matcher(value);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(matcher.group(4)).flatMap(EmbeddedFormat::fromWireName));
    }

    /** What the client accepts: empty when nothing the proxy sends, else the embedded format it names (empty: none). */
    public static Optional<Optional<EmbeddedFormat>> accept(String header) {
        String value = header == null || header.isBlank() ? "*/*" : header;
        Matcher matcher = ACCEPT.matcher(value);
        if (!matcher.find()) {
            return Optional.empty();
        }
        return Optional.of(Optional.ofNullable(matcher.group(5)).flatMap(EmbeddedFormat::fromWireName));
    }
}
