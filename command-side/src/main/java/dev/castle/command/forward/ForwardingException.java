package dev.castle.command.forward;

/** The leader could not be reached or gave no usable answer (Confluent's 50003). */
public final class ForwardingException extends RuntimeException {
    public ForwardingException(String message, Throwable cause) {
        super(message, cause);
    }
}
