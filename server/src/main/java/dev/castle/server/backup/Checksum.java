package dev.castle.server.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The SHA-256 sidecar of a backup, {@code FILE.sha256}, in {@code sha256sum}'s format ({@code <hex>  <name>}), so
 * that {@code sha256sum -c FILE.sha256} checks it too.
 */
final class Checksum {
    static final String SUFFIX = ".sha256";

    private Checksum() {}

    static Path sidecar(Path file) {
        return file.resolveSibling(file.getFileName() + SUFFIX);
    }

    /** The sidecar's line for {@code file}, named as {@code name}. */
    static String line(Path file, String name) throws IOException {
        return sha256(file) + "  " + name + "\n";
    }

    /** The hex digest the sidecar records, when there is a sidecar. */
    static Optional<String> recorded(Path file) throws IOException {
        Path sidecar = sidecar(file);
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        String text = Files.readString(sidecar, StandardCharsets.UTF_8).strip();
        int space = text.indexOf(' ');
        return Optional.of(space < 0 ? text : text.substring(0, space)).map(String::toLowerCase);
    }

    /** Throws when a sidecar exists and does not match; returns whether there was one. */
    static boolean verify(Path file) throws IOException {
        Optional<String> recorded = recorded(file);
        if (recorded.isEmpty()) {
            return false;
        }
        String actual = sha256(file);
        if (!actual.equals(recorded.get())) {
            throw new BackupException("The backup " + file + " does not match its checksum " + sidecar(file)
                    + " (expected " + recorded.get() + ", found " + actual + "): the file was changed or damaged."
                    + " Restore another copy, or delete the .sha256 file to restore this one as it is");
        }
        return true;
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[65536];
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                digest.update(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
