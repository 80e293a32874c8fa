package dev.castle.server.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * An HTTPS side's TLS settings under Confluent's {@code ssl.*} keys, each defined next to its documentation. The
 * registry reads them as they are; the REST Proxy reads its own under {@code rest.} (Confluent REST Proxy's keys in its
 * own file). Karapace's {@code server_tls_*} files arrive here as the PEM form of the same keys.
 *
 * @param prefix what the keys are named with in the configuration ({@code ""} or {@code "rest."}), for messages
 */
public record TlsSettings(
        String prefix,
        Optional<Store> keyStore,
        Optional<Store> trustStore,
        ClientAuthentication clientAuthentication,
        String protocol,
        List<String> enabledProtocols,
        List<String> cipherSuites) {

    /** The key store file: the listener's certificate and private key (a certificate chain file for PEM). */
    public static final String KEYSTORE_LOCATION = "ssl.keystore.location";

    /** {@code JKS} (Confluent's default), {@code PKCS12} or {@code PEM}. */
    public static final String KEYSTORE_TYPE = "ssl.keystore.type";

    public static final String KEYSTORE_PASSWORD = "ssl.keystore.password";

    /** The private key's password, when it differs from the store's (for PEM: of an encrypted PKCS#8 key). */
    public static final String KEY_PASSWORD = "ssl.key.password";

    /**
     * Castle's: the PEM private key file when {@link #KEYSTORE_TYPE} is {@code PEM} (Karapace: {@code
     * server_tls_keyfile}); unset, the key is read from the {@link #KEYSTORE_LOCATION} file itself.
     */
    public static final String KEYSTORE_KEY_LOCATION = "ssl.keystore.key.location";

    /** The certificates trusted for client certificates and, on a follower, for the leader's certificate. */
    public static final String TRUSTSTORE_LOCATION = "ssl.truststore.location";

    /** {@code JKS} (Confluent's default), {@code PKCS12} or {@code PEM} (a file of certificates). */
    public static final String TRUSTSTORE_TYPE = "ssl.truststore.type";

    public static final String TRUSTSTORE_PASSWORD = "ssl.truststore.password";

    /** {@code NONE} (default), {@code REQUESTED} or {@code REQUIRED}. */
    public static final String CLIENT_AUTHENTICATION = "ssl.client.authentication";

    /** Confluent's older boolean: {@code true} means {@code REQUIRED}; {@link #CLIENT_AUTHENTICATION} wins. */
    public static final String CLIENT_AUTH = "ssl.client.auth";

    /** The {@code SSLContext} protocol, {@code TLS} by default. */
    public static final String PROTOCOL = "ssl.protocol";

    /** Comma-separated protocols the listener accepts (for example {@code TLSv1.3}); unset, the JDK's. */
    public static final String ENABLED_PROTOCOLS = "ssl.enabled.protocols";

    /** Comma-separated cipher suites the listener accepts; unset, the JDK's. */
    public static final String CIPHER_SUITES = "ssl.cipher.suites";

    /** One store file. {@code keyLocation} is set for a PEM key store whose private key lives in another file. */
    public record Store(
            Path location,
            String type,
            Optional<String> password,
            Optional<String> keyPassword,
            Optional<Path> keyLocation) {

        boolean isPem() {
            return type.equalsIgnoreCase("PEM");
        }
    }

    /** The settings of one side; {@code values} are the keys without {@code prefix}. */
    public static TlsSettings from(Map<String, String> values, String prefix) {
        Optional<Store> keyStore = value(values, KEYSTORE_LOCATION)
                .map(location -> new Store(
                        Path.of(location),
                        value(values, KEYSTORE_TYPE).orElse("JKS"),
                        value(values, KEYSTORE_PASSWORD),
                        value(values, KEY_PASSWORD),
                        value(values, KEYSTORE_KEY_LOCATION).map(Path::of)));
        Optional<Store> trustStore = value(values, TRUSTSTORE_LOCATION)
                .map(location -> new Store(
                        Path.of(location),
                        value(values, TRUSTSTORE_TYPE).orElse("JKS"),
                        value(values, TRUSTSTORE_PASSWORD),
                        Optional.empty(),
                        Optional.empty()));
        ClientAuthentication clientAuthentication = value(values, CLIENT_AUTHENTICATION)
                .map(text -> ClientAuthentication.parse(prefix + CLIENT_AUTHENTICATION, text))
                .orElseGet(() ->
                        value(values, CLIENT_AUTH).map(Boolean::parseBoolean).orElse(false)
                                ? ClientAuthentication.REQUIRED
                                : ClientAuthentication.NONE);
        return new TlsSettings(
                prefix,
                keyStore,
                trustStore,
                clientAuthentication,
                value(values, PROTOCOL).orElse("TLS"),
                list(values, ENABLED_PROTOCOLS),
                list(values, CIPHER_SUITES));
    }

    /** Whether any store is configured: the side has TLS settings of its own. */
    public boolean configured() {
        return keyStore.isPresent() || trustStore.isPresent();
    }

    /** The full name of a key as the user wrote it. */
    String key(String name) {
        return prefix + name;
    }

    /**
     * An {@code SSLContext} with the key store's key (if any) and the trust store's certificates (if any, else the JDK's
     * trusted authorities). The files are read now: a wrong path, type or password fails here with the key named.
     */
    public SSLContext sslContext() {
        try {
            KeyManager[] keyManagers = null;
            if (keyStore.isPresent()) {
                Stores.Loaded loaded = Stores.keyStore(this, keyStore.get());
                KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                factory.init(loaded.store(), loaded.keyPassword());
                keyManagers = factory.getKeyManagers();
            }
            TrustManager[] trustManagers = null;
            if (trustStore.isPresent()) {
                KeyStore trusted = Stores.trustStore(this, trustStore.get());
                TrustManagerFactory factory =
                        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                factory.init(trusted);
                trustManagers = factory.getTrustManagers();
            }
            SSLContext context = SSLContext.getInstance(protocol);
            context.init(keyManagers, trustManagers, null);
            return context;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new TlsConfigException(key(PROTOCOL), "unknown protocol '" + protocol + "'");
        } catch (GeneralSecurityException e) {
            throw new TlsConfigException(key(KEYSTORE_LOCATION), "cannot be used: " + e.getMessage());
        }
    }

    private static Optional<String> value(Map<String, String> values, String key) {
        return Optional.ofNullable(values.get(key)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static List<String> list(Map<String, String> values, String key) {
        return value(values, key)
                .map(text -> Arrays.stream(text.split(","))
                        .map(String::trim)
                        .filter(item -> !item.isEmpty())
                        .toList())
                .orElse(List.of());
    }
}
