package dev.castle.server;

import dev.castle.server.tls.TlsSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Karapace's security keys on Castle's: the Kafka clients' TLS and SASL settings ({@code ssl_*}, {@code sasl_*}) as
 * {@code kafkastore.*} keys, and the HTTPS listener's ({@code server_tls_*}) as Confluent's {@code ssl.*} listener keys
 * in their PEM form ({@link TlsSettings}).
 */
final class KarapaceSecurity {
    private static final String KAFKA = CastleConfig.KAFKASTORE_PREFIX;

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

    /**
     * The HTTPS listener's PEM files as the PEM form of Confluent's keys: the certificate chain as the key store (its
     * private key in its own file, or in the certificate file when no key file is named), the CA file as the trust store
     * for client certificates.
     */
    private static void serverTls(
            Map<String, String> karapace, Map<String, String> values, Map<String, String> unused) {
        String certfile = karapace.get("server_tls_certfile");
        String keyfile = karapace.get("server_tls_keyfile");
        if (certfile != null) {
            values.put(TlsSettings.KEYSTORE_TYPE, "PEM");
            values.put(TlsSettings.KEYSTORE_LOCATION, certfile);
            if (keyfile != null) {
                values.put(TlsSettings.KEYSTORE_KEY_LOCATION, keyfile);
            }
        } else if (keyfile != null) {
            unused.put("server_tls_keyfile", "needs server_tls_certfile");
        }
        String cafile = karapace.get("server_tls_cafile");
        if (cafile != null) {
            values.put(TlsSettings.TRUSTSTORE_TYPE, "PEM");
            values.put(TlsSettings.TRUSTSTORE_LOCATION, cafile);
        }
        String clientAuth = karapace.get("server_tls_client_auth");
        if (clientAuth != null) {
            values.put(TlsSettings.CLIENT_AUTHENTICATION, clientAuthentication(clientAuth));
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
