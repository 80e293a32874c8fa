package dev.castle.command;

/**
 * An append failed; {@link #timedOut()} tells a timeout (50002) from any other store error (50001), and
 * {@link #fenced()} that another writer claimed the log (this node must stop leading).
 */
public final class LogWriteException extends RuntimeException {
    private final boolean timedOut;
    private final boolean fenced;

    public LogWriteException(String message, Throwable cause, boolean timedOut) {
        this(message, cause, timedOut, false);
    }

    private LogWriteException(String message, Throwable cause, boolean timedOut, boolean fenced) {
        super(message, cause);
        this.timedOut = timedOut;
        this.fenced = fenced;
    }

    /** The log refused the append because another writer has claimed it since this one did. */
    public static LogWriteException fenced(String message, Throwable cause) {
        return new LogWriteException(message, cause, false, true);
    }

    public boolean timedOut() {
        return timedOut;
    }

    public boolean fenced() {
        return fenced;
    }
}
