package dev.castle.server.backup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A tool's command line: {@code --name value} options, {@code --flag}s, and positional words (the subcommand and
 * the optional properties file).
 */
record Arguments(List<String> words, Map<String, String> options, Set<String> flags) {

    /** Parses {@code args}; {@code flagNames} take no value, every other {@code --name} takes one. */
    static Arguments parse(List<String> args, Set<String> flagNames) {
        List<String> words = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        java.util.HashSet<String> flags = new java.util.HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                words.add(arg);
                continue;
            }
            String name = arg.substring(2);
            int equals = name.indexOf('=');
            if (equals >= 0) {
                options.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (flagNames.contains(name)) {
                flags.add(name);
            } else if (i + 1 < args.size()) {
                options.put(name, args.get(++i));
            } else {
                throw new BackupException("--" + name + " needs a value");
            }
        }
        return new Arguments(List.copyOf(words), Map.copyOf(options), Set.copyOf(flags));
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name) {
        return option(name).orElseThrow(() -> new BackupException("--" + name + " is required"));
    }

    boolean flag(String name) {
        return flags.contains(name);
    }
}
