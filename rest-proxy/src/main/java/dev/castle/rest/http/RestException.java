package dev.castle.rest.http;

/**
 * A request answered with an error: the HTTP status, the {@code error_code} of the body (null for the bodies Karapace
 * sends without one, such as 403 {@code {"message":"Forbidden"}}) and the message. Handlers throw it; {@link
 * ProxyConventions} writes it.
 */
public final class RestException extends RuntimeException {
    private final int status;
    private final Integer errorCode;
    private final boolean plainText;

    private RestException(int status, Integer errorCode, String message, boolean plainText) {
        super(message, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.plainText = plainText;
    }

    /** An error whose body is {@code {"error_code":errorCode,"message":message}}; the status is the code's first three digits. */
    public static RestException of(int errorCode, String message) {
        int status = errorCode >= 1000 ? errorCode / 100 : errorCode;
        return new RestException(status, errorCode, message, false);
    }

    /** An error with a status and code that do not share their digits. */
    public static RestException of(int status, int errorCode, String message) {
        return new RestException(status, errorCode, message, false);
    }

    /** An error answered with a plain-text body, as Karapace answers a missing or unreadable request body. */
    public static RestException plain(int status, String message) {
        return new RestException(status, null, message, true);
    }

    /** An error whose body has only a message, as Karapace's 401 and 403. */
    public static RestException messageOnly(int status, String message) {
        return new RestException(status, null, message, false);
    }

    public int status() {
        return status;
    }

    public Integer errorCode() {
        return errorCode;
    }

    public boolean plainText() {
        return plainText;
    }
}
