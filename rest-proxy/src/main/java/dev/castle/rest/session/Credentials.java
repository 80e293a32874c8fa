package dev.castle.rest.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castle.rest.http.Json;
import dev.castle.rest.http.RestException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.SaslConfigs;

/**
 * A caller's {@code Authorization} header as Kafka client settings (spec kafka-rest-api §9): {@code Basic} is SASL
 * PLAIN or SCRAM with the caller's user and password, {@code Bearer} is OAUTHBEARER with the caller's token, handed to
 * Kafka unverified (Kafka checks it; the proxy reads only its expiry). Anything else is 401.
 */
final class Credentials {
    private Credentials() {}

    /**
     * @param mechanism the SASL mechanism for Basic credentials (PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512)
     * @param tls whether the cluster's connections use TLS (then SASL_SSL, else SASL_PLAINTEXT)
     */
    static Map<String, Object> clientSettings(String header, String mechanism, boolean tls) {
        if (header == null) {
            throw unauthorized();
        }
        String[] parts = header.trim().split("\\s+", 2);
        if (parts.length != 2) {
            throw unauthorized();
        }
        Map<String, Object> settings = new HashMap<>();
        settings.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, tls ? "SASL_SSL" : "SASL_PLAINTEXT");
        String scheme = parts[0].toLowerCase(Locale.ROOT);
        if (scheme.equals("basic")) {
            String[] user = basic(parts[1]);
            boolean scram = mechanism.toUpperCase(Locale.ROOT).startsWith("SCRAM-");
            String module = scram
                    ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                    : "org.apache.kafka.common.security.plain.PlainLoginModule";
            settings.put(SaslConfigs.SASL_MECHANISM, scram ? mechanism.toUpperCase(Locale.ROOT) : "PLAIN");
            settings.put(
                    SaslConfigs.SASL_JAAS_CONFIG,
                    module + " required username=" + quoted(user[0]) + " password=" + quoted(user[1]) + ";");
        } else if (scheme.equals("bearer")) {
            String token = parts[1].trim();
            expiry(token);
            settings.put(SaslConfigs.SASL_MECHANISM, "OAUTHBEARER");
            settings.put(
                    SaslConfigs.SASL_JAAS_CONFIG,
                    "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required token="
                            + quoted(token) + ";");
            settings.put(SaslConfigs.SASL_LOGIN_CALLBACK_HANDLER_CLASS, BearerTokenLogin.class);
        } else {
            throw unauthorized();
        }
        return settings;
    }

    /** The token's {@code exp} in epoch seconds, or -1 when it has none; a token that is not a JWT is 401. */
    static long expiry(String token) {
        String[] segments = token.split("\\.", -1);
        if (segments.length != 3) {
            throw unauthorized();
        }
        try {
            JsonNode claims = Json.read(Base64.getUrlDecoder().decode(segments[1]));
            if (claims == null || !claims.isObject()) {
                throw unauthorized();
            }
            JsonNode exp = claims.get("exp");
            return exp != null && exp.canConvertToLong() ? exp.asLong() : -1;
        } catch (IOException | IllegalArgumentException e) {
            throw unauthorized();
        }
    }

    private static String[] basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw unauthorized();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw unauthorized();
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }

    /** A JAAS option value: double-quoted, with quotes and backslashes escaped. */
    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static RestException unauthorized() {
        return RestException.messageOnly(401, "Unauthorized");
    }
}
