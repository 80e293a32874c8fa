package dev.castle.server.backup;

/**
 * A backup, restore, recovery or import that cannot go on; the message tells the operator what is wrong and what to
 * do, and the command prints it and exits with status 1.
 */
public final class BackupException extends RuntimeException {
    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
