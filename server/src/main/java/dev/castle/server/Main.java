package dev.castle.server;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar castle.jar [castle.properties]}: starts one node from a properties file (optional) and
 * {@code SCHEMA_REGISTRY_*} environment variables, and stops it on SIGTERM.
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        Optional<Path> file = args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty();
        CastleConfig config = CastleConfig.load(file, System.getenv());
        Castle castle = Castle.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            castle.close();
                            stopped.countDown();
                        },
                        "castle-shutdown"));
        log.info("Castle is serving at {}", castle.url());
        stopped.await();
    }
}
