package dev.castle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class CredentialsTest {

    private static String basic(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldSplitAtTheFirstColon() {
        assertThat(Credentials.fromHeader(basic("aladdin:open:sesame")))
                .contains(new Credentials("aladdin", "open:sesame"));
        assertThat(Credentials.fromHeader(basic("aladdin:"))).contains(new Credentials("aladdin", ""));
    }

    @Test
    void shouldReadTheSchemeInAnyCaseAndUtf8Passwords() {
        String header = basic("jürgen:pässwörd").replace("Basic", "bAsIc");

        assertThat(Credentials.fromHeader(header)).contains(new Credentials("jürgen", "pässwörd"));
    }

    @Test
    void shouldIgnoreWhatIsNotBasicCredentials() {
        assertThat(Credentials.fromHeader(null)).isEmpty();
        assertThat(Credentials.fromHeader("Bearer abc")).isEmpty();
        assertThat(Credentials.fromHeader("Basic")).isEmpty();
        assertThat(Credentials.fromHeader("Basic !!!")).isEmpty();
        assertThat(Credentials.fromHeader(basic("no-colon"))).isEmpty();
    }

    @Test
    void shouldNotPrintThePassword() {
        assertThat(new Credentials("u", "hunter2").toString()).doesNotContain("hunter2");
    }
}
