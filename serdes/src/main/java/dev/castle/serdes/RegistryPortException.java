package dev.castle.serdes;

/** A registry refused a request ({@link #status()} is its HTTP status) or could not be reached (status 0). */
public final class RegistryPortException extends RuntimeException {
    private final int status;
    private final int errorCode;

    public RegistryPortException(int status, int errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public RegistryPortException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.errorCode = 0;
    }

    /** The registry's HTTP status; 0 when it was not reached. */
    public int status() {
        return status;
    }

    /** The registry's {@code error_code}; 0 when it gave none. */
    public int errorCode() {
        return errorCode;
    }
}
