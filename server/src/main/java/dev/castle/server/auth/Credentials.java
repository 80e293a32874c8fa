package dev.castle.server.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A user name and password from an {@code Authorization: Basic ...} header (RFC 7617). */
record Credentials(String username, String password) {
    private static final String SCHEME = "basic";

    /** The credentials of the header; empty when it is absent, of another scheme or malformed. */
    static Optional<Credentials> fromHeader(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase(SCHEME)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(value.substring(space + 1).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    /** Leaves the password out. */
    @Override
    public String toString() {
        return "Credentials[" + username + "]";
    }
}
