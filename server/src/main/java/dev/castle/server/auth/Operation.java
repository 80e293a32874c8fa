package dev.castle.server.auth;

/** What a rule grants, spelled as in the authfile: {@code Write} implies {@code Read}. */
public enum Operation {
    Read,
    Write;

    /** Whether a rule granting this operation allows {@code requested}. */
    boolean grants(Operation requested) {
        return requested == Read || this == Write;
    }
}
