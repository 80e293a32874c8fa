package dev.castle.server.backup;

import dev.castle.server.CastleConfig;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The subcommands of {@code castle.jar} that run once and exit: {@code backup get|restore}, {@code recover}, {@code import}. Each reads the same
 * configuration as the server (the optional properties file, {@code SCHEMA_REGISTRY_*} variables).
 */
public final class Tools {
    private static final Set<String> COMMANDS = Set.of("backup", "import", "recover");
    private static final Set<String> FLAGS = Set.of("force", "overwrite", "help");
    static final String USAGE = String.join(
            "\n",
            "Usage:",
            "  java -jar castle.jar backup get --location FILE [--overwrite] [schema-registry.properties]",
            "  java -jar castle.jar backup restore --location FILE [--force] [schema-registry.properties]",
            "  java -jar castle.jar recover [--from URL] [--force] [schema-registry.properties]",
            "  java -jar castle.jar import --from URL [--to URL] [--force] [schema-registry.properties]");

    private Tools() {}

    /** Whether {@code args} name one of these subcommands rather than the server's properties file. */
    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /** Runs the subcommand; returns the process's exit status. */
    public static int run(String[] args, Map<String, String> environment, PrintStream out, PrintStream err) {
        try {
            Arguments arguments = Arguments.parse(Arrays.asList(args), FLAGS);
            if (arguments.flag("help")) {
                out.println(USAGE);
                return 0;
            }
            return run(arguments, environment, out);
        } catch (BackupException | UncheckedIOException | IllegalArgumentException e) {
            err.println("castle " + args[0] + ": " + e.getMessage());
            return 1;
        }
    }

    private static int run(Arguments arguments, Map<String, String> environment, PrintStream out) {
        List<String> words = arguments.words();
        String command =
                "backup".equals(words.get(0)) && words.size() > 1 ? words.get(0) + " " + words.get(1) : words.get(0);
        switch (command) {
            case "backup get": {
                Path location = Path.of(arguments.required("location"));
                long count = Backup.get(config(words, 2, environment), location, arguments.flag("overwrite"));
                out.println("Backed up " + count + " records to " + location);
                return 0;
            }
            case "backup restore": {
                Path location = Path.of(arguments.required("location"));
                long count = Backup.restore(config(words, 2, environment), location, arguments.flag("force"));
                out.println("Restored " + count + " records from " + location);
                return 0;
            }
            case "recover": {
                CastleConfig config = config(words, 1, environment);
                String from = arguments.option("from").orElseGet(() -> listener(config));
                long count = Recover.recover(config, from, arguments.flag("force"));
                out.println("Recovered " + count + " records from " + from + " into " + config.topic());
                return 0;
            }
            case "import": {
                String to = arguments.option("to").orElseGet(() -> listener(config(words, 1, environment)));
                Import.Result result = Import.copy(arguments.required("from"), to, arguments.flag("force"));
                out.println("Imported " + result.versions() + " versions of " + result.subjects() + " subjects ("
                        + result.softDeleted() + " soft-deleted), " + result.configs() + " configs and "
                        + result.modes() + " modes into " + to);
                return 0;
            }
            default:
                throw new BackupException("unknown command '" + String.join(" ", words) + "'\n" + USAGE);
        }
    }

    /** This node's own listener, as a URL this machine can reach ({@code 0.0.0.0} becomes {@code 127.0.0.1}). */
    static String listener(CastleConfig config) {
        URI listener = config.listener();
        String host = "0.0.0.0".equals(listener.getHost()) || "::".equals(listener.getHost())
                ? "127.0.0.1"
                : listener.getHost();
        return listener.getScheme() + "://" + host + ":" + listener.getPort();
    }

    /** The server's configuration: the properties file after the command's words, if any, and the environment. */
    private static CastleConfig config(List<String> words, int commandWords, Map<String, String> environment) {
        if (words.size() > commandWords + 1) {
            throw new BackupException("unexpected arguments " + words.subList(commandWords + 1, words.size()));
        }
        Optional<Path> file =
                words.size() > commandWords ? Optional.of(Path.of(words.get(commandWords))) : Optional.empty();
        return CastleConfig.load(file, environment);
    }
}
