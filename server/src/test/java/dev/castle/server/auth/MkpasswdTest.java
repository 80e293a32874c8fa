package dev.castle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code castle.jar mkpasswd} prints what {@code karapace_mkpasswd} prints, and the entry works in an authfile. */
class MkpasswdTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Mkpasswd.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shouldPrintKarapacesEntryShape() {
        // karapace_mkpasswd -u aladdin -a sha512 opensesame salt
        int status = run("-u", "aladdin", "-a", "sha512", "opensesame", "salt");

        assertThat(status).isZero();
        assertThat(printed())
                .isEqualTo(
                        """
                {
                    "username": "aladdin",
                    "algorithm": "sha512",
                    "salt": "salt",
                    "password_hash": "uofa7Uw+IolY0GDeCQApTVAUPlBthFYPFQ+QN+kKtXBzSwddiyLrNnIC2UQcA5X+hCL/mHNNqEMA30oIM4oqxA=="
                }
                """);
    }

    @Test
    void shouldPrintAnEntryThatAuthenticatesInAnAuthfile() {
        run("--user=admin", "--algorithm", "scrypt", "pässwörd");

        String entry = printed();
        AuthFile file =
                AuthFile.parse(("{\"users\": [" + entry + "], \"permissions\": []}").getBytes(StandardCharsets.UTF_8));
        assertThat(file.authenticate("admin", "pässwörd")).isPresent();
        assertThat(file.authenticate("admin", "password")).isEmpty();
    }

    @Test
    void shouldDrawARandomUrlSafeSaltAndDefaultToSha512() {
        run("-uuser", "secret");

        AuthFile file = AuthFile.parse(
                ("{\"users\": [" + printed() + "], \"permissions\": []}").getBytes(StandardCharsets.UTF_8));
        User user = file.users().get("user");
        assertThat(user.algorithm()).isEqualTo(HashAlgorithm.SHA512);
        assertThat(user.salt()).matches("[A-Za-z0-9_-]{22}");
        assertThat(Mkpasswd.randomSalt()).isNotEqualTo(Mkpasswd.randomSalt());
        assertThat(file.authenticate("user", "secret")).isPresent();
    }

    @Test
    void shouldLeaveTheUserOutWhenNoneIsGiven() {
        run("-a", "sha1", "opensesame", "salt");

        assertThat(printed())
                .isEqualTo(
                        """
                {
                    "algorithm": "sha1",
                    "salt": "salt",
                    "password_hash": "dTlNgcmp0jrcMkJDXMarHQ1ElsQ="
                }
                """);
    }

    @Test
    void shouldEscapeAsPythonsJsonDumps() {
        // python3 -c 'import json; print(json.dumps("ä\"\\\n🔑\x7f"))'  ->  "\u00e4\"\\\n\ud83d\udd11\u007f"
        assertThat(Mkpasswd.quote("ä\"\\\n🔑\u007f")).isEqualTo("\"\\u00e4\\\"\\\\\\n\\ud83d\\udd11\\u007f\"");
    }

    @Test
    void shouldRefuseAnUnknownAlgorithmOrAMissingPassword() {
        assertThat(run("-a", "md5", "pw")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("invalid choice: 'md5'");
        assertThat(run("-u", "user")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("required: password");
        assertThat(run("--bogus", "pw")).isEqualTo(2);
        assertThat(printed()).isEmpty();
    }
}
