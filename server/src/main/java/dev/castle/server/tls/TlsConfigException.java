package dev.castle.server.tls;

/**
 * A TLS setting cannot be used. The message is one line that starts with the configuration key to fix, so that a node
 * that cannot start says why in that line alone.
 */
public final class TlsConfigException extends RuntimeException {
    public TlsConfigException(String key, String problem) {
        super(key + ": " + problem);
    }
}
