package dev.castle.server;

import dev.castle.server.auth.Mkpasswd;
import dev.castle.server.backup.Tools;
import dev.castle.server.tls.TlsConfigException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar castle.jar [schema-registry.properties [kafka-rest.properties]]}: starts one node from the
 * registry's properties file (optional), the REST Proxy's (optional), {@code SCHEMA_REGISTRY_*} and
 * {@code KAFKA_REST_*} environment variables, and stops it on SIGTERM, within {@code castle.shutdown.timeout.ms}. An
 * error the JVM cannot recover from ends the process ({@link FatalErrors}). {@code java -jar castle.jar mkpasswd ...}
 * instead prints a user entry for the registry's authfile ({@link Mkpasswd}).
 */
public final class Main {
    private static final Logger log = LoggerFactory.getLogger(Main.class);

    /** {@code java -jar castle.jar mkpasswd -u USER -a ALGORITHM PASSWORD [SALT]}: prints an authfile user entry. */
    static final String MKPASSWD = "mkpasswd";

    private Main() {}

    public static void main(String[] args) throws InterruptedException {
        if (args.length > 0 && args[0].equals(MKPASSWD)) {
            System.exit(Mkpasswd.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
        }
        FatalErrors.install();
        if (Tools.handles(args)) {
            System.exit(Tools.run(args, System.getenv(), System.out, System.err));
        }
        Optional<Path> file = args.length > 0 ? Optional.of(Path.of(args[0])) : Optional.empty();
        Optional<Path> restFile = args.length > 1 ? Optional.of(Path.of(args[1])) : Optional.empty();
        CastleConfig config = CastleConfig.load(file, restFile, System.getenv());
        Castle castle;
        try {
            castle = Castle.start(config);
        } catch (TlsConfigException e) {
            // a key store the node cannot use: the one line names the key to fix, a stack trace would only bury it
            log.error("Castle cannot start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            BoundedShutdown.close(castle, config.shutdownTimeout(), status -> Runtime.getRuntime()
                                    .halt(status));
                            stopped.countDown();
                        },
                        "castle-shutdown"));
        log.info("Castle is serving at {}", castle.url());
        stopped.await();
    }
}
