package dev.castle.server;

import dev.castle.testing.Await;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A Castle node in a JVM of its own, started with {@link Main} from the test class path, so that a test can stop and
 * continue the whole process with SIGSTOP and SIGCONT, as a long garbage-collection pause or a frozen VM would.
 */
final class ProcessNode implements AutoCloseable {
    private final Process process;
    private final String url;

    private ProcessNode(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /**
     * Starts a node on {@code port} of 127.0.0.1 with these extra settings; returns once it answers HTTP.
     *
     * @param log where the node's output goes
     */
    static ProcessNode start(int port, Map<String, String> settings, Path log) {
        try {
            Properties properties = new Properties();
            properties.putAll(settings);
            properties.put("listeners", "http://127.0.0.1:" + port);
            properties.put("castle.rest.enabled", "false");
            properties.put("host.name", "127.0.0.1");
            Path file = Files.createTempFile("castle-node-", ".properties");
            try (Writer writer = Files.newBufferedWriter(file)) {
                properties.store(writer, "a Castle node started by a test");
            }
            List<String> command = new ArrayList<>(List.of(java(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp"));
            command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
            command.add(Main.class.getName());
            command.add(file.toString());
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ProcessNode node = new ProcessNode(process, "http://127.0.0.1:" + port);
            node.awaitServing(Duration.ofMinutes(2));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port no one listens on now, between 20000 and 29999: below Linux's ephemeral range, so below OS-chosen ports. */
    static int freeLowPort() {
        for (int port = 20000 + (int) (ProcessHandle.current().pid() % 5000); port < 30000; port++) {
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                // taken; try the next one
            }
        }
        throw new IllegalStateException("No free port between 20000 and 29999");
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private void awaitServing(Duration timeout) {
        Await.until(
                () -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("The node at " + url + " exited with " + process.exitValue());
                    }
                    return Cluster.send(url, "GET", "/", null).status() == 200;
                },
                timeout,
                "the node at " + url + " to serve");
    }

    String url() {
        return url;
    }

    /** Stops every thread of the node at once (SIGSTOP): no heartbeat, no commit, no answer. */
    void pause() {
        signal("STOP");
    }

    /** Lets the node go on where it stopped (SIGCONT). */
    void resume() {
        signal("CONT");
    }

    private void signal(String name) {
        try {
            int exit = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
            if (exit != 0) {
                throw new IllegalStateException("kill -" + name + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            resume();
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
