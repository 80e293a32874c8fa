package dev.castle.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castle.server.tls.TestCertificates;
import dev.castle.server.tls.TestCertificates.Identity;
import dev.castle.testing.Reply;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes that listen only on https and ask each other for certificates: a follower forwards a write to the leader. */
class HttpsClusterIT {
    private static final Duration ELECTION = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void shouldForwardAWriteToTheLeaderOverHttpsWithTheTrustStore() throws Exception {
        // given two eligible nodes on https only, each requiring a client certificate the trust store vouches for
        Identity node = TestCertificates.create(dir, "node");
        Identity client = TestCertificates.create(dir, "client");
        Path trust = TestCertificates.trustStore(dir.resolve("trust.p12"), node, client);
        Map<String, String> tls = TestCertificates.mutualTls(node, trust);
        tls.put("listeners", "https://127.0.0.1:0");
        tls.put("host.name", "localhost");
        try (Cluster cluster = Cluster.start(tls, true, true)) {
            Castle leader = cluster.awaitLeader(ELECTION);
            Castle follower = cluster.live().stream()
                    .filter(candidate -> candidate != leader)
                    .findFirst()
                    .orElseThrow();
            HttpClient https = TestCertificates.httpClient(node, client);

            // when a write is sent to the follower
            Reply registered = TestNodes.registryClient(https, follower.url())
                    .post("/subjects/forwarded-value/versions", Node.registerBody(Node.avroRecord("Forwarded")));

            // then the leader, known by an https identity, took it and both nodes serve it
            assertThat(leader.url()).startsWith("https://localhost:");
            assertThat(follower.leaderUrl()).contains(leader.url());
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);
            for (Castle reader : cluster.live()) {
                Reply read = TestNodes.registryClient(https, reader.url()).get("/subjects/forwarded-value/versions");
                assertThat(read.body()).as("versions on %s", reader.url()).isEqualTo("[1]");
            }
        }
    }
}
