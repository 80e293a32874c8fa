package dev.castle.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates made for a test with the running JDK's {@code keytool} (the JDK has no public API that
 * writes a certificate), in every form the tests hand to Castle: a PKCS#12 key store, PEM certificate and PKCS#8 key
 * files, and trust stores; and an {@link HttpClient} that trusts and presents them.
 */
public final class TestCertificates {
    public static final String PASSWORD = "test-secret";

    private TestCertificates() {}

    /** One party's key and self-signed certificate, valid for {@code localhost} and {@code 127.0.0.1}. */
    public record Identity(String name, Path keyStore, Path certificatePem, Path keyPem) {
        public Certificate certificate() {
            try {
                return load(keyStore, "PKCS12").getCertificate(name);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        PrivateKey privateKey() {
            try {
                return (PrivateKey) load(keyStore, "PKCS12").getKey(name, PASSWORD.toCharArray());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Makes {@code dir/name.p12} (store and key password {@link #PASSWORD}), {@code name.crt} and {@code name.key}. */
    public static Identity create(Path dir, String name) {
        Path keyStore = dir.resolve(name + ".p12");
        keytool(
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=" + name,
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD);
        Identity identity = new Identity(name, keyStore, dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
        try {
            Files.writeString(
                    identity.certificatePem(),
                    pem("CERTIFICATE", identity.certificate().getEncoded()));
            Files.writeString(
                    identity.keyPem(), pem("PRIVATE KEY", identity.privateKey().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return identity;
    }

    /** A PKCS#12 trust store at {@code file} (password {@link #PASSWORD}) holding the identities' certificates. */
    public static Path trustStore(Path file, Identity... trusted) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            for (Identity identity : trusted) {
                store.setCertificateEntry(identity.name(), identity.certificate());
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A node's listener settings for https with {@code keys} (the PKCS#12 store of {@link #create}), asking every
     * client for a certificate that {@code trustStore} vouches for (a mutable map: add what a test needs).
     */
    public static Map<String, String> mutualTls(Identity keys, Path trustStore) {
        Map<String, String> settings = new HashMap<>();
        settings.put("ssl.keystore.location", keys.keyStore().toString());
        settings.put("ssl.keystore.type", "PKCS12");
        settings.put("ssl.keystore.password", PASSWORD);
        settings.put("ssl.key.password", PASSWORD);
        settings.put("ssl.truststore.location", trustStore.toString());
        settings.put("ssl.truststore.type", "PKCS12");
        settings.put("ssl.truststore.password", PASSWORD);
        settings.put("ssl.client.authentication", "REQUIRED");
        return settings;
    }

    /** An HTTP client that trusts {@code server} and, when {@code client} is not null, presents its certificate. */
    public static HttpClient httpClient(Identity server, Identity client) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("server", server.certificate());
            trust.init(trusted);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            if (client != null) {
                keys.init(load(client.keyStore(), "PKCS12"), PASSWORD.toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(client == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(context).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static KeyStore load(Path file, String type) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(type);
            store.load(in, PASSWORD.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... args) {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(args));
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(
                        "keytool failed: " + new String(output, StandardCharsets.UTF_8) + " for " + command);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
