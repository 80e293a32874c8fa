package dev.castle.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Karapace's security keys on Castle's: the Kafka clients' TLS and SASL settings ({@code ssl_*}, {@code sasl_*}) as
 * {@code kafkastore.*} keys, and the HTTPS listener's ({@code server_tls_*}) as Confluent's {@code ssl.*} listener keys.
 * Castle serves no TLS yet, so the latter are kept for when it does and named in the start-up warning.
 */
final class KarapaceSecurity {
    private static final String KAFKA = CastleConfig.KAFKASTORE_PREFIX;
    private static final String NO_TLS_YET = "Castle serves no TLS yet; kept as ";

    private KarapaceSecurity() {}

    static void translate(Map<String, String> karapace, Map<String, String> values, Map<String, String> unused) {
        kafkaTls(karapace, values, unused);
        sasl(karapace, values);
        serverTls(karapace, values, unused);
    }

    /**
     * Karapace names PEM files; Kafka's clients take a PEM trust store by location and a PEM key and certificate chain
     * by content, so those two files are read here (the key must be PKCS#8, as Kafka requires).
     */
    private static void kafkaTls(Map<String, String> karapace, Map<String, String> values, Map<String, String> unused) {
        String cafile = karapace.get("ssl_cafile");
        if (cafile != null) {
            values.put(KAFKA + "ssl.truststore.type", "PEM");
            values.put(KAFKA + "ssl.truststore.location", cafile);
        }
        String certfile = karapace.get("ssl_certfile");
        String keyfile = karapace.get("ssl_keyfile");
        if (certfile != null && keyfile != null) {
            values.put(KAFKA + "ssl.keystore.type", "PEM");
            values.put(KAFKA + "ssl.keystore.certificate.chain", read(certfile, "ssl_certfile"));
            values.put(KAFKA + "ssl.keystore.key", read(keyfile, "ssl_keyfile"));
        } else if (certfile != null || keyfile != null) {
            unused.put(certfile != null ? "ssl_certfile" : "ssl_keyfile", "needs both ssl_certfile and ssl_keyfile");
        }
        if ("false".equalsIgnoreCase(karapace.get("ssl_check_hostname"))) {
            values.put(KAFKA + "ssl.endpoint.identification.algorithm", "");
        }
    }

    /** {@code sasl_plain_username}/{@code _password} as the JAAS line of the configured mechanism. */
    private static void sasl(Map<String, String> karapace, Map<String, String> values) {
        String username = karapace.get("sasl_plain_username");
        String password = karapace.get("sasl_plain_password");
        if (username == null && password == null) {
            return;
        }
        String mechanism = karapace.getOrDefault("sasl_mechanism", "PLAIN").toUpperCase(Locale.ROOT);
        String module = mechanism.startsWith("SCRAM")
                ? "org.apache.kafka.common.security.scram.ScramLoginModule"
                : "org.apache.kafka.common.security.plain.PlainLoginModule";
        values.put(
                KAFKA + "sasl.jaas.config",
                module + " required username=" + quoted(username) + " password=" + quoted(password) + ";");
    }

    private static void serverTls(
            Map<String, String> karapace, Map<String, String> values, Map<String, String> unused) {
        String certfile = karapace.get("server_tls_certfile");
        if (certfile != null) {
            values.put("ssl.keystore.type", "PEM");
            values.put("ssl.keystore.location", certfile);
            unused.put("server_tls_certfile", NO_TLS_YET + "ssl.keystore.location");
        }
        String keyfile = karapace.get("server_tls_keyfile");
        if (keyfile != null) {
            values.put("ssl.keystore.key.location", keyfile);
            unused.put("server_tls_keyfile", NO_TLS_YET + "ssl.keystore.key.location");
        }
        String cafile = karapace.get("server_tls_cafile");
        if (cafile != null) {
            values.put("ssl.truststore.type", "PEM");
            values.put("ssl.truststore.location", cafile);
            unused.put("server_tls_cafile", NO_TLS_YET + "ssl.truststore.location");
        }
        String clientAuth = karapace.get("server_tls_client_auth");
        if (clientAuth != null && !clientAuth.equalsIgnoreCase("none")) {
            values.put("ssl.client.authentication", clientAuthentication(clientAuth));
            unused.put("server_tls_client_auth", NO_TLS_YET + "ssl.client.authentication");
        }
    }

    /** Karapace's {@code none}/{@code optional}/{@code required} in Confluent's words. */
    private static String clientAuthentication(String karapace) {
        switch (karapace.toLowerCase(Locale.ROOT)) {
            case "optional":
                return "REQUESTED";
            case "required":
                return "REQUIRED";
            default:
                return "NONE";
        }
    }

    private static String quoted(String value) {
        String text = value == null ? "" : value;
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String read(String file, String key) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + key + " " + file, e);
        }
    }
}
