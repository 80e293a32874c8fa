package dev.castle.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Credentials that already verified against one authfile, so that a client sending the same password on every request
 * pays the deliberately slow hash (scrypt: 16 MiB and tens of milliseconds) once, not per request. Only a keyed hash
 * (HMAC-SHA256 under a random key of this process) of user and password is kept, never the password; the set belongs
 * to one loaded file, so a reload forgets it, and it is cleared when it grows past a bound.
 */
final class VerifiedCredentials {
    private static final int MAX_ENTRIES = 10_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key = new byte[32];
    private final Set<String> verified = ConcurrentHashMap.newKeySet();

    VerifiedCredentials() {
        RANDOM.nextBytes(key);
    }

    boolean contains(String username, String password) {
        return verified.contains(tag(username, password));
    }

    void add(String username, String password) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear();
        }
        verified.add(tag(username, password));
    }

    private String tag(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] name = username.getBytes(StandardCharsets.UTF_8);
            mac.update(Integer.toString(name.length).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) ':');
            mac.update(name);
            return Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
