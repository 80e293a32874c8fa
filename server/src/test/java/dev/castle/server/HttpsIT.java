package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.server.tls.TestCertificates;
import dev.castle.server.tls.TestCertificates.Identity;
import dev.castle.server.tls.TlsConfigException;
import dev.castle.testing.Reply;
import dev.castle.testing.TestHttp;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS listeners of the registry and the REST Proxy: key stores, client certificates, PEM files as Karapace has them. */
class HttpsIT {
    @TempDir
    static Path dir;

    private static Identity server;
    private static Identity client;
    private static Identity stranger;
    private static Castle mutual;

    @BeforeAll
    static void start() {
        server = TestCertificates.create(dir, "server");
        client = TestCertificates.create(dir, "client");
        stranger = TestCertificates.create(dir, "stranger");
        Path trust = TestCertificates.trustStore(dir.resolve("clients.p12"), client);
        Map<String, String> config = TestCertificates.mutualTls(server, trust);
        config.put("listeners", "http://127.0.0.1:0,https://127.0.0.1:0");
        mutual = TestNodes.start("https", config);
    }

    @AfterAll
    static void stop() {
        if (mutual != null) {
            mutual.close();
        }
    }

    @Test
    void shouldServeTheRegistryOverHttpsToAClientWithATrustedCertificate() {
        // given
        TestHttp https =
                TestNodes.registryClient(TestCertificates.httpClient(server, client), listener(mutual, "https"));

        // when
        Reply registered = https.post("/subjects/tls-value/versions", Node.registerBody(Node.avroRecord("Tls")));
        Reply read = https.get("/subjects/tls-value/versions/latest");

        // then
        assertThat(registered.status()).isEqualTo(200);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("\"subject\":\"tls-value\"");
    }

    @Test
    void shouldRefuseAClientWithoutACertificateOrWithAnUntrustedOne() {
        String url = listener(mutual, "https");

        assertThatThrownBy(() -> TestHttp.to(TestCertificates.httpClient(server, null), url)
                        .get("/subjects"))
                .isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> TestHttp.to(TestCertificates.httpClient(server, stranger), url)
                        .get("/subjects"))
                .isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void shouldServeTheSameRegistryOnThePlainListenerBesideTheHttpsOne() {
        // given a schema registered over https
        TestHttp https =
                TestNodes.registryClient(TestCertificates.httpClient(server, client), listener(mutual, "https"));
        Reply registered =
                https.post("/subjects/side-by-side/versions", Node.registerBody(Node.avroRecord("SideBySide")));

        // when it is read over http
        Reply read = TestNodes.registryClient(listener(mutual, "http")).get("/subjects");

        // then
        assertThat(registered.status()).isEqualTo(200);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).contains("side-by-side");
        assertThat(mutual.url()).startsWith("http://");
    }

    @Test
    void shouldServeBothSidesOverHttpsFromKarapacesPemFiles() throws Exception {
        // given a karapace.config.json naming PEM files, Castle's own keys for what Karapace does not have
        Path file = dir.resolve("karapace.config.json");
        Files.writeString(
                file,
                "{\"host\": \"127.0.0.1\", \"port\": 0, \"server_tls_certfile\": \"" + server.certificatePem()
                        + "\", \"server_tls_keyfile\": \"" + server.keyPem() + "\"}");
        Map<String, String> node = TestNodes.registry("https-pem");
        node.remove("listeners"); // the file's host and port are the registry's listener
        Map<String, String> environment = new HashMap<>();
        node.forEach((key, value) -> environment.put(
                "SCHEMA_REGISTRY_" + key.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), value));
        environment.put("SCHEMA_REGISTRY_CASTLE_REST_ENABLED", "true");
        environment.put("KAFKA_REST_LISTENERS", "https://127.0.0.1:0");

        try (Castle castle = Castle.start(CastleConfig.load(Optional.of(file), environment))) {
            HttpClient https = TestCertificates.httpClient(server, null);

            // when
            Reply registry = TestHttp.to(https, castle.url()).get("/schemas/types");
            Reply rest = TestHttp.to(
                            https, "https://127.0.0.1:" + castle.restPort().getAsInt())
                    .get("/topics");

            // then
            assertThat(castle.url()).startsWith("https://127.0.0.1:");
            assertThat(registry.status()).isEqualTo(200);
            assertThat(rest.status()).isEqualTo(200);
            assertThatThrownBy(() -> TestHttp.to(castle.url()).get("/schemas/types"))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(SSLException.class);
        }
    }

    @Test
    void shouldRefuseToStartWithAWrongKeyStorePasswordNamingTheKey() {
        Map<String, String> config = TestNodes.registry("https-wrong-password");
        config.put("listeners", "https://127.0.0.1:0");
        config.put("ssl.keystore.location", server.keyStore().toString());
        config.put("ssl.keystore.type", "PKCS12");
        config.put("ssl.keystore.password", "not-the-password");

        assertThatThrownBy(() -> Castle.start(config))
                .isInstanceOf(TlsConfigException.class)
                .hasMessage("ssl.keystore.password: wrong password for " + server.keyStore());
    }

    @Test
    void shouldEndTheProcessWithOneLineNamingTheKeyWhenTheKeyStoreIsMissing() throws Exception {
        // given a properties file whose key store does not exist (and a broker that is never reached)
        Path file = dir.resolve("missing-store.properties");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "listeners=https://127.0.0.1:0",
                        "kafkastore.bootstrap.servers=127.0.0.1:1",
                        "castle.rest.enabled=false",
                        "ssl.keystore.location=" + dir.resolve("nowhere.p12")));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

        // when Castle is started as a process
        Process process = new ProcessBuilder(java, "-cp", classPath, Main.class.getName(), file.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        // then it ends with status 1 and one line that names the key, no stack trace
        assertThat(process.waitFor()).isEqualTo(1);
        assertThat(output)
                .contains("Castle cannot start: ssl.keystore.location: no such file " + dir.resolve("nowhere.p12"))
                .doesNotContain("\tat ");
    }

    /** {@code scheme://127.0.0.1:port} of the node's listener with this scheme. */
    static String listener(Castle node, String scheme) {
        return node.listeners().stream()
                .filter(uri -> uri.getScheme().equals(scheme))
                .findFirst()
                .orElseThrow()
                .toString();
    }
}
