package dev.castle.command;

/** An append failed; {@link #timedOut()} tells a timeout (50002) from any other store error (50001). */
public final class LogWriteException extends RuntimeException {
    private final boolean timedOut;

    public LogWriteException(String message, Throwable cause, boolean timedOut) {
        super(message, cause);
        this.timedOut = timedOut;
    }

    public boolean timedOut() {
        return timedOut;
    }
}
