package dev.castle.server.auth;

import java.io.PrintStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar castle.jar mkpasswd [-u USER] [-a ALGORITHM] PASSWORD [SALT]}: prints an authfile user entry the way
 * Karapace's {@code karapace_mkpasswd} does (same properties, order and four-space indentation; {@code sha512} by
 * default; without a salt, 16 random bytes in unpadded URL-safe base64).
 */
public final class Mkpasswd {
    static final String USAGE =
            "usage: castle.jar mkpasswd [-h] [-u USER] [-a {sha1,sha256,sha512,scrypt}] password [salt]";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Mkpasswd() {}

    /** What the command line asks for. */
    record Request(Optional<String> user, HashAlgorithm algorithm, String password, Optional<String> salt) {}

    /** Runs the tool; returns the process exit code (2 for a usage error, as Python's argparse). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
            out.println(USAGE);
            return 0;
        }
        Request request;
        try {
            request = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(USAGE);
            err.println("castle.jar mkpasswd: error: " + e.getMessage());
            return 2;
        }
        String salt = request.salt().orElseGet(Mkpasswd::randomSalt);
        out.println(entry(
                request.user(), request.algorithm(), salt, request.algorithm().hash(salt, request.password())));
        return 0;
    }

    static Request parse(String[] args) {
        Optional<String> user = Optional.empty();
        HashAlgorithm algorithm = HashAlgorithm.SHA512;
        List<String> positional = new ArrayList<>();
        boolean options = true;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (options && arg.equals("--")) {
                options = false;
            } else if (options && isOption(arg, "-u", "--user")) {
                user = Optional.of(value(args, i, "-u", "--user"));
                i += inline(arg) ? 0 : 1;
            } else if (options && isOption(arg, "-a", "--algorithm")) {
                String name = value(args, i, "-a", "--algorithm");
                algorithm = HashAlgorithm.fromFileName(name)
                        .orElseThrow(() -> new IllegalArgumentException("argument -a/--algorithm: invalid choice: '"
                                + name + "' (choose from 'sha1', 'sha256', 'sha512', 'scrypt')"));
                i += inline(arg) ? 0 : 1;
            } else if (options && arg.startsWith("-") && arg.length() > 1) {
                throw new IllegalArgumentException("unrecognized arguments: " + arg);
            } else {
                positional.add(arg);
            }
        }
        if (positional.isEmpty()) {
            throw new IllegalArgumentException("the following arguments are required: password");
        }
        if (positional.size() > 2) {
            throw new IllegalArgumentException(
                    "unrecognized arguments: " + String.join(" ", positional.subList(2, positional.size())));
        }
        Optional<String> salt = positional.size() == 2 ? Optional.of(positional.get(1)) : Optional.empty();
        return new Request(user, algorithm, positional.get(0), salt.filter(s -> !s.isEmpty()));
    }

    private static boolean isOption(String arg, String shortName, String longName) {
        return arg.equals(longName) || arg.startsWith(longName + "=") || arg.startsWith(shortName);
    }

    /** Whether an option carries its value ({@code -uX}, {@code --user=X}) rather than in the next argument. */
    private static boolean inline(String arg) {
        return arg.startsWith("--") ? arg.contains("=") : arg.length() > 2;
    }

    /** The option's value: {@code -u X}, {@code -uX}, {@code --user X} or {@code --user=X}. */
    private static String value(String[] args, int i, String shortName, String longName) {
        String arg = args[i];
        if (inline(arg)) {
            return arg.substring(arg.startsWith("--") ? longName.length() + 1 : 2);
        }
        if (i + 1 >= args.length) {
            throw new IllegalArgumentException("argument " + shortName + "/" + longName + ": expected one argument");
        }
        return args[i + 1];
    }

    /** Python's {@code secrets.token_urlsafe(16)}. */
    static String randomSalt() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The entry as Python's {@code json.dumps(entry, indent=4)} prints it. */
    static String entry(Optional<String> user, HashAlgorithm algorithm, String salt, String hash) {
        StringBuilder json = new StringBuilder("{\n");
        user.ifPresent(name -> property(json, "username", name).append(",\n"));
        property(json, "algorithm", algorithm.fileName()).append(",\n");
        property(json, "salt", salt).append(",\n");
        property(json, "password_hash", hash).append('\n');
        return json.append('}').toString();
    }

    private static StringBuilder property(StringBuilder json, String name, String value) {
        return json.append("    ").append(quote(name)).append(": ").append(quote(value));
    }

    /** A JSON string with every character outside printable ASCII escaped, as Python's {@code ensure_ascii}. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                case '\b' -> quoted.append("\\b");
                case '\f' -> quoted.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
