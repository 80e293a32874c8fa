package dev.castle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Parsing Karapace's authfile, authenticating against it and evaluating its rules as Karapace does. */
class AuthFileTest {
    /** Karapace's README example: admin/admin (scrypt), aladdin/opensesame (sha512), reader/secret (sha1). */
    static final String KARAPACE_EXAMPLE =
            """
            {
              "users": [
                {"username": "admin", "algorithm": "scrypt", "salt": "adminsalt",
                 "password_hash": "AG7+ttm/skHjqEZ90yzEkgjy75yaqoucNnQPIP2S++1rYOPXEtm4+AF7WdDGj+J0sIPFdYC9nXYsvkB1xYDYkw=="},
                {"username": "aladdin", "algorithm": "sha512", "salt": "salt",
                 "password_hash": "uofa7Uw+IolY0GDeCQApTVAUPlBthFYPFQ+QN+kKtXBzSwddiyLrNnIC2UQcA5X+hCL/mHNNqEMA30oIM4oqxA=="},
                {"username": "reader", "algorithm": "sha1", "salt": "third-salt",
                 "password_hash": "SeUTCvKCE8rj6lHFkyFkhopktuY="}
              ],
              "permissions": [
                {"username": "admin", "operation": "Write", "resource": ".*"},
                {"username": "aladdin", "operation": "Write", "resource": "Subject:cave-.*"},
                {"username": "reader", "operation": "Read", "resource": "Subject:carpet-.*"}
              ]
            }
            """;

    static AuthFile parse(String json) {
        return AuthFile.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void shouldParseKarapacesExample() {
        AuthFile file = parse(KARAPACE_EXAMPLE);

        assertThat(file.users()).containsOnlyKeys("admin", "aladdin", "reader");
        assertThat(file.users().get("admin").algorithm()).isEqualTo(HashAlgorithm.SCRYPT);
        assertThat(file.permissions()).hasSize(3);
        assertThat(file.permissions().get(1).operation()).isEqualTo(Operation.Write);
    }

    @Test
    void shouldAuthenticateOnlyTheRightPassword() {
        AuthFile file = parse(KARAPACE_EXAMPLE);

        assertThat(file.authenticate("admin", "admin")).map(User::username).contains("admin");
        assertThat(file.authenticate("aladdin", "opensesame")).isPresent();
        assertThat(file.authenticate("reader", "secret")).isPresent();
        assertThat(file.authenticate("aladdin", "opensesame ")).isEmpty();
        assertThat(file.authenticate("reader", "")).isEmpty();
        assertThat(file.authenticate("nobody", "secret")).isEmpty();
    }

    @Test
    void shouldStillRejectAWrongPasswordAfterTheRightOneWasSeen() {
        AuthFile file = parse(KARAPACE_EXAMPLE);

        assertThat(file.authenticate("reader", "secret")).isPresent();
        assertThat(file.authenticate("reader", "secret")).isPresent();
        assertThat(file.authenticate("reader", "Secret")).isEmpty();
        assertThat(file.authenticate("admin", "secret")).isEmpty();
    }

    @Test
    void shouldLetWriteImplyReadButNotTheOtherWayRound() {
        AuthFile file = parse(KARAPACE_EXAMPLE);

        assertThat(file.allowsSubject("aladdin", Operation.Read, "cave-1")).isTrue();
        assertThat(file.allowsSubject("aladdin", Operation.Write, "cave-1")).isTrue();
        assertThat(file.allowsSubject("reader", Operation.Read, "carpet-1")).isTrue();
        assertThat(file.allowsSubject("reader", Operation.Write, "carpet-1")).isFalse();
    }

    @Test
    void shouldDenyWhatNoRuleAllows() {
        AuthFile file = parse(KARAPACE_EXAMPLE);

        assertThat(file.allowsSubject("aladdin", Operation.Read, "carpet-1")).isFalse();
        assertThat(file.allows("aladdin", Operation.Read, AuthFile.CONFIG)).isFalse();
        assertThat(file.allows("reader", Operation.Read, AuthFile.CONFIG)).isFalse();
        assertThat(file.allowsSubject("nobody", Operation.Read, "cave-1")).isFalse();
        assertThat(file.allows("admin", Operation.Write, AuthFile.CONFIG)).isTrue();
        assertThat(file.allowsSubject("admin", Operation.Write, "anything")).isTrue();
    }

    @Test
    void shouldMatchResourcesFromTheStartOnlyAsPythonsReMatch() {
        AuthFile file = parse(
                """
                {"users": [], "permissions": [
                  {"username": "u", "operation": "Read", "resource": "Subject:cave"},
                  {"username": "v", "operation": "Read", "resource": "cave"},
                  {"username": "w", "operation": "Write", "resource": "Config:"}
                ]}
                """);

        assertThat(file.allowsSubject("u", Operation.Read, "cave")).isTrue();
        assertThat(file.allowsSubject("u", Operation.Read, "caves-and-more")).isTrue();
        assertThat(file.allowsSubject("u", Operation.Read, "my-cave")).isFalse();
        assertThat(file.allowsSubject("v", Operation.Read, "cave")).isFalse();
        assertThat(file.allows("w", Operation.Write, AuthFile.CONFIG)).isTrue();
        assertThat(file.allowsSubject("w", Operation.Read, "x")).isFalse();
    }

    @Test
    void shouldGrantWhicheverRuleMatchesWhateverTheirOrder() {
        String rules =
                """
                {"users": [], "permissions": [
                  {"username": "u", "operation": "%s", "resource": "Subject:a.*"},
                  {"username": "u", "operation": "%s", "resource": "Subject:a.*"}
                ]}
                """;
        AuthFile readFirst = parse(rules.formatted("Read", "Write"));
        AuthFile writeFirst = parse(rules.formatted("Write", "Read"));

        assertThat(readFirst.allowsSubject("u", Operation.Write, "ab")).isTrue();
        assertThat(writeFirst.allowsSubject("u", Operation.Write, "ab")).isTrue();
    }

    @Test
    void shouldLetTheLastEntryOfAUserWin() {
        AuthFile file = parse(
                """
                {"users": [
                  {"username": "u", "algorithm": "sha1", "salt": "salt", "password_hash": "wrong"},
                  {"username": "u", "algorithm": "sha1", "salt": "salt", "password_hash": "dTlNgcmp0jrcMkJDXMarHQ1ElsQ="}
                ], "permissions": []}
                """);

        assertThat(file.authenticate("u", "opensesame")).isPresent();
    }

    @Test
    void shouldRefuseFilesThatAreNotAuthfiles() {
        assertInvalid("{", "not JSON");
        assertInvalid("[]", "JSON object");
        assertInvalid("{\"users\": []}", "\"permissions\" must be an array");
        assertInvalid("{\"permissions\": []}", "\"users\" must be an array");
        assertInvalid(
                "{\"users\": [{\"username\": \"u\", \"algorithm\": \"md5\", \"salt\": \"s\", \"password_hash\": \"h\"}],"
                        + " \"permissions\": []}",
                "users[0]: unknown algorithm 'md5'");
        assertInvalid(
                "{\"users\": [{\"username\": \"u\", \"algorithm\": \"sha1\", \"salt\": \"s\"}], \"permissions\": []}",
                "users[0]: \"password_hash\" must be a string");
        assertInvalid(
                "{\"users\": [], \"permissions\": [{\"username\": \"u\", \"operation\": \"read\", \"resource\": \".*\"}]}",
                "permissions[0]: operation must be Read or Write");
        assertInvalid(
                "{\"users\": [], \"permissions\": [{\"username\": \"u\", \"operation\": \"Read\", \"resource\": \"(\"}]}",
                "permissions[0]: resource is not a regular expression");
        assertInvalid(
                "{\"users\": [], \"permissions\": [{\"username\": 1, \"operation\": \"Read\", \"resource\": \".*\"}]}",
                "permissions[0]: \"username\" must be a string");
    }

    private static void assertInvalid(String json, String reason) {
        assertThatThrownBy(() -> parse(json))
                .isInstanceOf(InvalidAuthFileException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void shouldNotPrintPasswordHashes() {
        AuthFile file = parse(KARAPACE_EXAMPLE);

        assertThat(file.users().get("aladdin").toString()).doesNotContain("uofa7U");
    }
}
