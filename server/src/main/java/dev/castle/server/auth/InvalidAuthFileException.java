package dev.castle.server.auth;

/** The authfile cannot be used: the message says what is wrong with it. Fix the file; the old rules stay meanwhile. */
public final class InvalidAuthFileException extends RuntimeException {
    public InvalidAuthFileException(String message) {
        super(message);
    }
}
