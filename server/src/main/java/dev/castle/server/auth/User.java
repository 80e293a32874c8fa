package dev.castle.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** One user of the authfile: the password is never kept, only its hash. */
public record User(String username, HashAlgorithm algorithm, String salt, String passwordHash) {

    /** Whether the password hashes to this user's hash; the comparison takes the same time wherever they differ. */
    public boolean verify(String password) {
        byte[] computed = algorithm.hash(salt, password).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(computed, passwordHash.getBytes(StandardCharsets.UTF_8));
    }

    /** Leaves the hash out, so a logged user leaks nothing. */
    @Override
    public String toString() {
        return "User[" + username + ", " + algorithm.fileName() + "]";
    }
}
