package dev.castle.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** One real in-process KRaft broker shared by every integration test of this JVM, started on first use. */
public final class TestKafka {
    private static EmbeddedKafka kafka;

    private TestKafka() {}

    /** The bootstrap servers of the shared broker, starting it if needed. */
    public static synchronized String bootstrapServers() {
        if (kafka == null) {
            Path dir = tempDir();
            kafka = EmbeddedKafka.start(dir);
            EmbeddedKafka started = kafka;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                started.close();
                                deleteRecursively(dir);
                            },
                            "test-kafka-shutdown"));
        }
        return kafka.bootstrapServers();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("castle-test-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // best effort: the directory is in the system's temp space
        }
    }
}
