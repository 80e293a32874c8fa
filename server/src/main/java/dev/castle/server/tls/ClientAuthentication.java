package dev.castle.server.tls;

import java.util.Locale;

/** Whether an HTTPS listener asks its clients for a certificate: Confluent's {@code ssl.client.authentication}. */
public enum ClientAuthentication {
    /** No client certificate is asked for. */
    NONE,
    /** A client certificate is asked for; a client without one is served, one with an untrusted one is refused. */
    REQUESTED,
    /** Only clients with a certificate the trust store trusts are served. */
    REQUIRED;

    static ClientAuthentication parse(String key, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TlsConfigException(key, "'" + value + "' is not one of NONE, REQUESTED, REQUIRED");
        }
    }
}
