package dev.castle.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the report of a script built on {@code harness.mjs}: one line per step, then a {@code SUMMARY} line. */
final class ScriptAssertions {
    private static final Pattern SUMMARY = Pattern.compile("^SUMMARY (.+): (\\d+) passed, (\\d+) failed$");

    private ScriptAssertions() {}

    /** The script printed {@code client}'s summary, ran at least one step, failed none and exited cleanly. */
    static void assertEveryStepPasses(NodeProject.Run run, String script, String client) {
        List<String> failures = run.lines().stream()
                .filter(line -> line.startsWith("FAIL ") || line.startsWith("  failed: "))
                .toList();
        Matcher summary = summary(run.lines());
        assertThat(summary)
                .as("summary line of %s; output:%n%s", script, run.lines())
                .isNotNull();
        assertThat(summary.group(1)).isEqualTo(client);
        assertThat(failures)
                .as("failed steps of %s; output:%n%s", client, String.join("\n", run.lines()))
                .isEmpty();
        assertThat(Integer.parseInt(summary.group(3))).isZero();
        assertThat(Integer.parseInt(summary.group(2))).isPositive();
        assertThat(run.exitCode()).as("exit code of node %s", script).isZero();
    }

    private static Matcher summary(List<String> lines) {
        for (String line : lines) {
            Matcher matcher = SUMMARY.matcher(line);
            if (matcher.matches()) {
                return matcher;
            }
        }
        return null;
    }
}
