package dev.castle.domain;

/** The one domain exception: carries an {@link ErrorCode} and the finished message; translated to HTTP in one place. */
public class RegistryException extends RuntimeException {
    private final ErrorCode errorCode;

    /** An error whose message is the code's template filled with {@code args}. */
    public RegistryException(ErrorCode errorCode, Object... args) {
        super(errorCode.message(args), null, false, false);
        this.errorCode = errorCode;
    }

    /** An error with a message given as is (for the free-text codes such as 42201 and 42205). */
    public static RegistryException withMessage(ErrorCode errorCode, String message) {
        return new RegistryException(errorCode, message, true);
    }

    private RegistryException(ErrorCode errorCode, String message, boolean literal) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public ErrorCode errorCode() {
        return errorCode;
    }
}
