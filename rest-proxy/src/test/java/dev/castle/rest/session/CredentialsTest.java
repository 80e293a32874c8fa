package dev.castle.rest.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.rest.http.RestException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialsTest {
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private static String basic(String userInfo) {
        return "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static String jwt(String claims) {
        return URL.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + ".";
    }

    @Test
    void shouldTurnBasicCredentialsIntoSaslPlain() {
        Map<String, Object> settings = Credentials.clientSettings(basic("alice:p\"w:d"), "PLAIN", false);

        assertThat(settings)
                .containsEntry("security.protocol", "SASL_PLAINTEXT")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry(
                        "sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"alice\""
                                + " password=\"p\\\"w:d\";");
    }

    @Test
    void shouldUseScramAndTlsWhenTheClustersClientsDo() {
        Map<String, Object> settings = Credentials.clientSettings(basic("bob:secret"), "scram-sha-512", true);

        assertThat(settings)
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512");
        assertThat((String) settings.get("sasl.jaas.config")).startsWith("org.apache.kafka.common.security.scram");
    }

    @Test
    void shouldPassABearerTokenAsOauthBearer() {
        String token = jwt("{\"sub\":\"carol\",\"exp\":2000000000}");

        Map<String, Object> settings = Credentials.clientSettings("Bearer " + token, "PLAIN", false);

        assertThat(settings).containsEntry("sasl.mechanism", "OAUTHBEARER");
        assertThat((String) settings.get("sasl.jaas.config")).contains("token=\"" + token + "\"");
        assertThat(Credentials.expiry(token)).isEqualTo(2000000000L);
        assertThat(Credentials.expiry(jwt("{\"sub\":\"carol\"}"))).isEqualTo(-1);
    }

    @Test
    void shouldAnswerMissingOrUnusableCredentialsWith401() {
        for (String header :
                new String[] {null, "", "Basic", "Digest abc", "Basic !!!", basic("no-colon"), "Bearer abc"}) {
            assertThatThrownBy(() -> Credentials.clientSettings(header, "PLAIN", false))
                    .as(String.valueOf(header))
                    .isInstanceOfSatisfying(
                            RestException.class, e -> assertThat(e.status()).isEqualTo(401));
        }
    }
}
