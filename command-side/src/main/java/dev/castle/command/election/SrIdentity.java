package dev.castle.command.election;

/**
 * A group member's identity as the {@code sr} protocol carries it (spec §6.1): where it serves HTTP and whether it may
 * lead. Confluent sends {@code version} 1, Karapace 2; both are read the same way.
 *
 * @param eligible {@code master_eligibility}: a read replica ({@code leader.eligibility=false}) is never leader
 */
public record SrIdentity(String host, int port, String scheme, boolean eligible, int version) {

    /** Confluent's identity version, which Castle advertises. */
    public static final int CONFLUENT_VERSION = 1;

    /** This node's identity as Castle advertises it. */
    public static SrIdentity of(String scheme, String host, int port, boolean eligible) {
        return new SrIdentity(host, port, scheme, eligible, CONFLUENT_VERSION);
    }

    /** {@code scheme://host:port}, the address other members forward writes to. */
    public String url() {
        return scheme + "://" + host + ":" + port;
    }

    /** Same member as far as routing goes: same URL and eligibility, whatever the identity version. */
    public boolean sameEndpoint(SrIdentity other) {
        return other != null && url().equals(other.url()) && eligible == other.eligible;
    }
}
