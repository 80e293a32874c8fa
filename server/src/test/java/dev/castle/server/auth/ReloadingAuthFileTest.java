package dev.castle.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castle.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authfile is read again when it changes; a version that does not parse leaves the rules in force. */
class ReloadingAuthFileTest {
    private static final String ONE_RULE =
            """
            {"users": [{"username": "u", "algorithm": "sha1", "salt": "salt",
                        "password_hash": "dTlNgcmp0jrcMkJDXMarHQ1ElsQ="}],
             "permissions": [{"username": "u", "operation": "Read", "resource": "Subject:a"}]}
            """;
    private static final String TWO_RULES =
            """
            {"users": [{"username": "u", "algorithm": "sha1", "salt": "salt",
                        "password_hash": "dTlNgcmp0jrcMkJDXMarHQ1ElsQ="}],
             "permissions": [{"username": "u", "operation": "Read", "resource": "Subject:a"},
                             {"username": "u", "operation": "Write", "resource": "Subject:b"}]}
            """;

    @TempDir
    Path dir;

    private Instant clock = Instant.parse("2030-01-01T00:00:00Z");

    /** Writes the file with a modification time later than any before, as an edit would leave it. */
    private Path write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        clock = clock.plus(Duration.ofSeconds(1));
        Files.setLastModifiedTime(file, FileTime.from(clock));
        return file;
    }

    @Test
    void shouldReloadAChangedFile() throws IOException {
        Path path = write(dir.resolve("auth.json"), ONE_RULE);
        ReloadingAuthFile file = ReloadingAuthFile.load(path);
        assertThat(file.reloadIfChanged()).isFalse();

        write(path, TWO_RULES);

        assertThat(file.reloadIfChanged()).isTrue();
        assertThat(file.get().allowsSubject("u", Operation.Write, "b")).isTrue();
    }

    @Test
    void shouldKeepTheRulesInForceWhenTheNewFileDoesNotParse() throws IOException {
        Path path = write(dir.resolve("auth.json"), ONE_RULE);
        ReloadingAuthFile file = ReloadingAuthFile.load(path);
        AuthFile before = file.get();

        write(path, "{\"users\": [], \"permissions\": [ {");

        assertThat(file.reloadIfChanged()).isFalse();
        assertThat(file.get()).isSameAs(before);
        assertThat(file.get().authenticate("u", "opensesame")).isPresent();
        assertThat(file.reloadsRefused()).isEqualTo(1);
        assertThat(file.reloadsApplied()).isZero();

        write(path, TWO_RULES);

        assertThat(file.reloadIfChanged()).isTrue();
        assertThat(file.get().allowsSubject("u", Operation.Write, "b")).isTrue();
        assertThat(file.reloadsRefused()).isEqualTo(1);
        assertThat(file.reloadsApplied()).isEqualTo(1);
    }

    @Test
    void shouldKeepTheRulesInForceWhileTheFileIsGone() throws IOException {
        Path path = write(dir.resolve("auth.json"), ONE_RULE);
        ReloadingAuthFile file = ReloadingAuthFile.load(path);

        Files.delete(path);

        assertThat(file.reloadIfChanged()).isFalse();
        assertThat(file.get().allowsSubject("u", Operation.Read, "a")).isTrue();
        assertThat(file.reloadsRefused()).isZero();
    }

    @Test
    void shouldReloadAFileMovedIntoPlace() throws IOException {
        Path path = write(dir.resolve("auth.json"), ONE_RULE);
        ReloadingAuthFile file = ReloadingAuthFile.load(path);

        Path replacement = write(dir.resolve("auth.json.new"), TWO_RULES);
        Files.move(replacement, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

        assertThat(file.reloadIfChanged()).isTrue();
        assertThat(file.get().permissions()).hasSize(2);
    }

    @Test
    void shouldRefuseToStartWithoutAUsableFile() throws IOException {
        Path broken = write(dir.resolve("broken.json"), "not json");

        assertThatThrownBy(() -> ReloadingAuthFile.load(dir.resolve("missing.json")))
                .isInstanceOf(InvalidAuthFileException.class)
                .hasMessageContaining("Cannot read the authfile");
        assertThatThrownBy(() -> ReloadingAuthFile.load(broken))
                .isInstanceOf(InvalidAuthFileException.class)
                .hasMessageContaining("is invalid: not JSON");
    }

    @Test
    void shouldNoticeAChangeByItself() throws Exception {
        Path path = write(dir.resolve("auth.json"), ONE_RULE);
        try (ReloadingAuthFile file = ReloadingAuthFile.watch(path)) {
            write(path, TWO_RULES);

            Await.until(() -> file.get().permissions().size() == 2, Duration.ofSeconds(10), "the second rule");
            assertThat(file.get().permissions()).hasSize(2);
        }
    }
}
