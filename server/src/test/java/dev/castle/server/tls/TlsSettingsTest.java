package dev.castle.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.server.CastleConfig;
import dev.castle.server.http.Listeners;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsSettingsTest {
    @TempDir
    static Path dir;

    private static TestCertificates.Identity server;

    @BeforeAll
    static void makeCertificates() {
        server = TestCertificates.create(dir, "server");
    }

    @Test
    void shouldReadConfluentsKeysFromTheEnvironmentForBothSides() {
        // given Confluent's container variables for the registry and the REST Proxy
        CastleConfig config = CastleConfig.load(
                Optional.empty(),
                Map.of(
                        "SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081,https://0.0.0.0:8443",
                        "SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION", "/etc/sr.p12",
                        "SCHEMA_REGISTRY_SSL_KEYSTORE_TYPE", "PKCS12",
                        "SCHEMA_REGISTRY_SSL_KEYSTORE_PASSWORD", "store",
                        "SCHEMA_REGISTRY_SSL_KEY_PASSWORD", "key",
                        "SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION", "/etc/trust.jks",
                        "SCHEMA_REGISTRY_SSL_CLIENT_AUTHENTICATION", "requested",
                        "KAFKA_REST_SSL_KEYSTORE_LOCATION", "/etc/rest.p12",
                        "KAFKA_REST_SSL_CLIENT_AUTH", "true"));

        // when
        TlsSettings registry = config.tls();
        TlsSettings rest = TlsSettings.from(config.withPrefix("rest."), "rest.");

        // then
        assertThat(config.listeners())
                .extracting(Object::toString)
                .containsExactly("http://0.0.0.0:8081", "https://0.0.0.0:8443");
        TlsSettings.Store keyStore = registry.keyStore().orElseThrow();
        assertThat(keyStore.location()).isEqualTo(Path.of("/etc/sr.p12"));
        assertThat(keyStore.type()).isEqualTo("PKCS12");
        assertThat(keyStore.password()).contains("store");
        assertThat(keyStore.keyPassword()).contains("key");
        TlsSettings.Store trustStore = registry.trustStore().orElseThrow();
        assertThat(trustStore.type()).isEqualTo("JKS");
        assertThat(registry.clientAuthentication()).isEqualTo(ClientAuthentication.REQUESTED);
        assertThat(rest.keyStore().orElseThrow().location()).isEqualTo(Path.of("/etc/rest.p12"));
        assertThat(rest.clientAuthentication()).isEqualTo(ClientAuthentication.REQUIRED);
    }

    @Test
    void shouldLetClientAuthenticationWinOverTheOlderBoolean() {
        TlsSettings both = TlsSettings.from(Map.of("ssl.client.auth", "true", "ssl.client.authentication", "NONE"), "");
        TlsSettings neither = TlsSettings.from(Map.of(), "");

        assertThat(both.clientAuthentication()).isEqualTo(ClientAuthentication.NONE);
        assertThat(neither.clientAuthentication()).isEqualTo(ClientAuthentication.NONE);
        assertThat(neither.configured()).isFalse();
    }

    @Test
    void shouldNameTheKeyOfAnUnknownClientAuthentication() {
        assertThatThrownBy(() -> TlsSettings.from(Map.of("ssl.client.authentication", "maybe"), "rest."))
                .isInstanceOf(TlsConfigException.class)
                .hasMessage("rest.ssl.client.authentication: 'maybe' is not one of NONE, REQUESTED, REQUIRED");
    }

    @Test
    void shouldLoadAPkcs12KeyStoreAndTrustStore() {
        Path trust = TestCertificates.trustStore(dir.resolve("trust.p12"), server);

        SSLContext context = settings(Map.of(
                        "ssl.truststore.location",
                        trust.toString(),
                        "ssl.truststore.type",
                        "PKCS12",
                        "ssl.truststore.password",
                        TestCertificates.PASSWORD))
                .sslContext();

        assertThat(context.getProtocol()).isEqualTo("TLS");
    }

    @Test
    void shouldNameTheKeyOfAMissingFileAWrongPasswordAndAWrongKeyPassword() {
        assertThatThrownBy(() -> settings(Map.of(
                                "ssl.keystore.location",
                                dir.resolve("absent.p12").toString()))
                        .sslContext())
                .hasMessage("ssl.keystore.location: no such file " + dir.resolve("absent.p12"));
        assertThatThrownBy(
                        () -> settings(Map.of("ssl.keystore.password", "wrong")).sslContext())
                .hasMessage("ssl.keystore.password: wrong password for " + server.keyStore());
        assertThatThrownBy(() -> settings(Map.of("ssl.key.password", "wrong")).sslContext())
                .hasMessage("ssl.key.password: wrong password for the private key in " + server.keyStore());
        assertThatThrownBy(() -> settings(Map.of("ssl.keystore.type", "XYZ")).sslContext())
                .hasMessage("ssl.keystore.type: unknown store type 'XYZ' (JKS, PKCS12 or PEM)");
        assertThatThrownBy(() -> settings(Map.of(
                                "ssl.keystore.location", server.certificatePem().toString()))
                        .sslContext())
                .hasMessageStartingWith("ssl.keystore.location: cannot read " + server.certificatePem());
    }

    @Test
    void shouldReadPemKeysInThePkcs8Pkcs1AndEncryptedForms() throws Exception {
        byte[] pkcs8 = server.privateKey().getEncoded();
        Path pkcs1 = dir.resolve("pkcs1.key");
        Files.writeString(pkcs1, TestCertificates.pem("RSA PRIVATE KEY", innerKey(pkcs8)));
        Path encrypted = dir.resolve("encrypted.key");
        Files.writeString(encrypted, TestCertificates.pem("ENCRYPTED PRIVATE KEY", encrypt(pkcs8, "pem-secret")));
        Path combined = dir.resolve("combined.pem");
        Files.writeString(combined, Files.readString(server.keyPem()) + Files.readString(server.certificatePem()));

        assertThat(pem(server.keyPem(), null).sslContext()).isNotNull();
        assertThat(pem(pkcs1, null).sslContext()).isNotNull();
        assertThat(pem(encrypted, "pem-secret").sslContext()).isNotNull();
        assertThat(TlsSettings.from(
                                Map.of("ssl.keystore.type", "PEM", "ssl.keystore.location", combined.toString()), "")
                        .sslContext())
                .isNotNull();
        assertThatThrownBy(() -> pem(encrypted, "wrong").sslContext())
                .hasMessage("ssl.keystore.key.location: cannot decrypt the private key in " + encrypted
                        + " (is ssl.key.password right?)");
        assertThatThrownBy(() -> pem(server.certificatePem(), null).sslContext())
                .hasMessage("ssl.keystore.key.location: " + server.certificatePem() + " holds no PEM private key");
    }

    @Test
    void shouldReadAnEcKeyInOpenSslsSec1Form() throws Exception {
        // given a P-256 key written as OpenSSL's "EC PRIVATE KEY": SEQUENCE { 1, OCTET STRING s, [0] curve OID }
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
        generator.initialize(new java.security.spec.ECGenParameterSpec("secp256r1"));
        java.security.interfaces.ECPrivateKey key = (java.security.interfaces.ECPrivateKey)
                generator.generateKeyPair().getPrivate();
        byte[] s = java.math.BigInteger.ONE.shiftLeft(256).or(key.getS()).toByteArray();
        byte[] scalar = Arrays.copyOfRange(s, s.length - 32, s.length);
        byte[] curve = java.util.HexFormat.of().parseHex("06082a8648ce3d030107");
        byte[] sec1 = Der.tlv(0x30, concat(concat(new byte[] {2, 1, 1}, Der.tlv(0x04, scalar)), Der.tlv(0xa0, curve)));
        Path file = dir.resolve("ec.key");
        Files.writeString(file, TestCertificates.pem("EC PRIVATE KEY", sec1));

        // when
        java.security.PrivateKey read = Pem.privateKey("ssl.keystore.key.location", file, null);

        // then
        assertThat(((java.security.interfaces.ECPrivateKey) read).getS()).isEqualTo(key.getS());
    }

    @Test
    void shouldTakeAPemTrustStore() {
        TlsSettings settings = TlsSettings.from(
                Map.of(
                        "ssl.truststore.type",
                        "PEM",
                        "ssl.truststore.location",
                        server.certificatePem().toString()),
                "");

        assertThat(settings.sslContext()).isNotNull();
    }

    @Test
    void shouldRefuseAnHttpsListenerWithoutAKeyStoreAndAnUnknownScheme() {
        assertThatThrownBy(() ->
                        Listeners.of("rest.listeners", "https://0.0.0.0:8082", TlsSettings.from(Map.of(), "rest.")))
                .isInstanceOf(TlsConfigException.class)
                .hasMessage("rest.ssl.keystore.location: is not set, and rest.listeners has an https listener");
        assertThatThrownBy(() -> Listeners.parse("listeners", "http://0.0.0.0:8081, ftp://0.0.0.0:21"))
                .hasMessage("Invalid listener 'ftp://0.0.0.0:21' in listeners: expected http://host:port or"
                        + " https://host:port");
    }

    /** The server's PKCS#12 store with {@code overrides}. */
    private static TlsSettings settings(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of(
                "ssl.keystore.location",
                server.keyStore().toString(),
                "ssl.keystore.type",
                "PKCS12",
                "ssl.keystore.password",
                TestCertificates.PASSWORD));
        values.putAll(overrides);
        return TlsSettings.from(values, "");
    }

    private static TlsSettings pem(Path key, String password) {
        Map<String, String> values = new HashMap<>(Map.of(
                "ssl.keystore.type", "PEM",
                "ssl.keystore.location", server.certificatePem().toString(),
                "ssl.keystore.key.location", key.toString()));
        if (password != null) {
            values.put("ssl.key.password", password);
        }
        return TlsSettings.from(values, "");
    }

    /** The key inside a PKCS#8 structure: for RSA, its PKCS#1 form (the last element, an OCTET STRING). */
    private static byte[] innerKey(byte[] pkcs8) {
        // SEQUENCE header, INTEGER 0, AlgorithmIdentifier SEQUENCE, then OCTET STRING
        int position = headerEnd(pkcs8, 0);
        position = skip(pkcs8, position);
        position = skip(pkcs8, position);
        int start = headerEnd(pkcs8, position);
        return Arrays.copyOfRange(pkcs8, start, pkcs8.length);
    }

    private static int skip(byte[] der, int offset) {
        return headerEnd(der, offset) + length(der, offset);
    }

    private static int headerEnd(byte[] der, int offset) {
        int first = der[offset + 1] & 0xff;
        return offset + 2 + (first < 0x80 ? 0 : first & 0x7f);
    }

    private static int length(byte[] der, int offset) {
        int first = der[offset + 1] & 0xff;
        if (first < 0x80) {
            return first;
        }
        int length = 0;
        for (int i = 0; i < (first & 0x7f); i++) {
            length = (length << 8) | (der[offset + 2 + i] & 0xff);
        }
        return length;
    }

    private static byte[] encrypt(byte[] pkcs8, String password) throws Exception {
        String algorithm = "PBEWithHmacSHA256AndAES_256";
        javax.crypto.SecretKey key = javax.crypto.SecretKeyFactory.getInstance(algorithm)
                .generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray()));
        javax.crypto.Cipher cipher = javax.crypto.Cipher.getInstance(algorithm);
        byte[] salt = new byte[16];
        new java.security.SecureRandom().nextBytes(salt);
        byte[] iv = new byte[16];
        new java.security.SecureRandom().nextBytes(iv);
        cipher.init(
                javax.crypto.Cipher.ENCRYPT_MODE,
                key,
                new javax.crypto.spec.PBEParameterSpec(salt, 10_000, new javax.crypto.spec.IvParameterSpec(iv)));
        // EncryptedPrivateKeyInfo: SEQUENCE { SEQUENCE { OID PBES2, PBES2-params }, OCTET STRING }, as OpenSSL writes
        // it
        byte[] pbes2 = java.util.HexFormat.of().parseHex("06092a864886f70d01050d");
        byte[] algorithmId = Der.tlv(0x30, concat(pbes2, cipher.getParameters().getEncoded()));
        return Der.tlv(0x30, concat(algorithmId, Der.tlv(0x04, cipher.doFinal(pkcs8))));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
