package dev.castle.server.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Content negotiation as Confluent's Jersey resources do it (spec §1.1): three offered response types with source
 * qualities, and four accepted request body types with parameters ignored.
 */
public final class MediaTypes {
    public static final String SCHEMA_REGISTRY_V1 = "application/vnd.schemaregistry.v1+json";
    public static final String SCHEMA_REGISTRY = "application/vnd.schemaregistry+json";
    public static final String JSON = "application/json";
    public static final String OCTET_STREAM = "application/octet-stream";

    private static final List<Offer> OFFERED =
            List.of(new Offer(SCHEMA_REGISTRY_V1, 1.0), new Offer(SCHEMA_REGISTRY, 0.9), new Offer(JSON, 0.5));
    private static final List<String> CONSUMED = List.of(SCHEMA_REGISTRY_V1, SCHEMA_REGISTRY, JSON, OCTET_STREAM);

    private record Offer(String type, double sourceQuality) {}

    private record Range(String type, String subtype, double quality) {
        /** How specifically this range matches the media type: 2 exact, 1 {@code type/*}, 0 {@code *}{@code /*}, -1 not. */
        int specificity(String mediaType) {
            String[] parts = mediaType.split("/", 2);
            if (type.equals("*")) {
                return 0;
            }
            if (!type.equals(parts[0])) {
                return -1;
            }
            if (subtype.equals("*")) {
                return 1;
            }
            return subtype.equals(parts[1]) ? 2 : -1;
        }
    }

    /** Answers for the Accept headers seen, so a client's usual header is parsed once; bounded against junk. */
    private static final Map<String, Optional<String>> NEGOTIATED = new ConcurrentHashMap<>();

    private static final int NEGOTIATED_CAPACITY = 256;

    private MediaTypes() {}

    /** The response type for an {@code Accept} header, or empty when none of the offered types is acceptable (406). */
    public static Optional<String> negotiate(String accept) {
        if (accept == null || accept.isBlank()) {
            return Optional.of(SCHEMA_REGISTRY_V1);
        }
        Optional<String> known = NEGOTIATED.get(accept);
        if (known != null) {
            return known;
        }
        Optional<String> answer = choose(accept);
        if (NEGOTIATED.size() < NEGOTIATED_CAPACITY) {
            NEGOTIATED.put(accept, answer);
        }
        return answer;
    }

    private static Optional<String> choose(String accept) {
        List<Range> ranges = parseAccept(accept);
        String best = null;
        double bestScore = 0;
        for (Offer offer : OFFERED) {
            double score = quality(ranges, offer.type()) * offer.sourceQuality();
            if (score > bestScore) {
                best = offer.type();
                bestScore = score;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Whether a request body of this {@code Content-Type} is accepted; a missing type is treated as JSON. */
    public static boolean isConsumable(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true;
        }
        return CONSUMED.contains(essence(contentType));
    }

    private static double quality(List<Range> ranges, String mediaType) {
        int bestSpecificity = -1;
        double quality = 0;
        for (Range range : ranges) {
            int specificity = range.specificity(mediaType);
            if (specificity > bestSpecificity) {
                bestSpecificity = specificity;
                quality = range.quality();
            }
        }
        return quality;
    }

    private static List<Range> parseAccept(String accept) {
        List<Range> ranges = new ArrayList<>();
        for (String element : accept.split(",")) {
            String[] parts = element.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if (type.isEmpty()) {
                continue;
            }
            String[] typeAndSub = type.split("/", 2);
            String main = typeAndSub[0];
            String sub = typeAndSub.length == 2 ? typeAndSub[1] : "*";
            if (main.equals("*")) {
                sub = "*";
            }
            ranges.add(new Range(main, sub, qualityParameter(parts)));
        }
        return ranges;
    }

    private static double qualityParameter(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].trim().split("=", 2);
            if (parameter.length == 2 && parameter[0].trim().equalsIgnoreCase("q")) {
                try {
                    return Math.max(0, Math.min(1, Double.parseDouble(parameter[1].trim())));
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    private static String essence(String contentType) {
        return contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    }
}
