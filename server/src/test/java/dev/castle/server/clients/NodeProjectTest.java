package dev.castle.server.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeProjectTest {
    @Test
    void shouldFailWithClearMessageWhenProgramIsMissing() {
        // given the clients project; when a program that is not installed is run
        NodeProject project = NodeProject.locate();

        // then the test fails (never skips) and says what to install
        assertThatThrownBy(() ->
                        project.run(List.of("castle-no-such-node", "--version"), Map.of(), Duration.ofSeconds(10)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("cannot run 'castle-no-such-node'")
                .hasMessageContaining("Node.js (node and npm) must be on the PATH");
    }

    @Test
    void shouldCollectOutputAndExitCodeOfCommand() {
        // given the clients project; when a command prints and exits non-zero
        NodeProject project = NodeProject.locate();
        NodeProject.Run run =
                project.run(List.of("sh", "-c", "echo first; echo second; exit 3"), Map.of(), Duration.ofSeconds(10));

        // then every line and the exit code are kept
        assertThat(run.lines()).containsExactly("first", "second");
        assertThat(run.exitCode()).isEqualTo(3);
    }
}
