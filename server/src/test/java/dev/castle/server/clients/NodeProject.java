package dev.castle.server.clients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Node.js project under {@code clients/node}: installs its locked packages once and runs its scripts. */
final class NodeProject {
    private static final Logger LOG = LoggerFactory.getLogger(NodeProject.class);
    private static final String INSTALLED_MARKER = ".castle-installed-lock";

    /** What a finished command printed and how it exited. */
    record Run(int exitCode, List<String> lines) {}

    private final Path dir;

    private NodeProject(Path dir) {
        this.dir = dir;
    }

    /** Finds {@code clients/node} in the working directory or one of its parents (Maven runs tests in a module). */
    static NodeProject locate() {
        Path start = Path.of("").toAbsolutePath();
        for (Path candidate = start; candidate != null; candidate = candidate.getParent()) {
            Path project = candidate.resolve("clients").resolve("node");
            if (Files.isRegularFile(project.resolve("package-lock.json"))) {
                return new NodeProject(project);
            }
        }
        throw new AssertionError("no clients/node/package-lock.json above " + start);
    }

    /** Runs {@code npm ci} unless {@code node_modules} was installed from exactly the current lock file. */
    void install(Duration timeout) {
        String lock = sha256(dir.resolve("package-lock.json"));
        Path marker = dir.resolve("node_modules").resolve(INSTALLED_MARKER);
        if (Files.isRegularFile(marker) && lock.equals(read(marker))) {
            LOG.info("node_modules in {} matches package-lock.json; skipping npm ci", dir);
            return;
        }
        Run run = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts"), Map.of(), timeout);
        if (run.exitCode() != 0) {
            throw new AssertionError("npm ci failed in " + dir + " with exit code " + run.exitCode());
        }
        write(marker, lock);
    }

    /** Runs {@code node <script>} with extra environment variables, streaming its output to the test log. */
    Run node(String script, Map<String, String> env, Duration timeout) {
        return run(List.of("node", script), env, timeout);
    }

    /** Runs any command in the project directory, streaming its output to the test log. */
    Run run(List<String> command, Map<String, String> env, Duration timeout) {
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = start(builder, command);
        List<String> lines = new ArrayList<>();
        String label = String.join(" ", command.subList(0, 2));
        Thread pump = new Thread(() -> pump(process, label, lines), "node-output");
        pump.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
            }
            pump.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new AssertionError("interrupted while running " + command, e);
        }
        synchronized (lines) {
            return new Run(process.exitValue(), List.copyOf(lines));
        }
    }

    private static Process start(ProcessBuilder builder, List<String> command) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new AssertionError(
                    "cannot run '" + command.get(0) + "': Node.js (node and npm) must be on the PATH to run the npm"
                            + " Schema Registry clients against Castle (" + e.getMessage() + ")",
                    e);
        }
    }

    private static void pump(Process process, String name, List<String> lines) {
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                LOG.info("[{}] {}", name, line);
                synchronized (lines) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            LOG.warn("lost the output of {}", name, e);
        }
    }

    private static String sha256(Path file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            return HexFormat.of().formatHex(digest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
