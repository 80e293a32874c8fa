package dev.castle.command.election;

import java.util.Objects;

/**
 * A group member's identity as the {@code sr} protocol carries it (spec §6.1): where it serves HTTP, whether it may
 * lead, and whether it led when it joined. Confluent sends {@code version} 1, Karapace 2; both are read the same way.
 *
 * <p>Two identities are equal when host, port, scheme, eligibility and version are, as Confluent compares them: the
 * {@code leader} flag is the member's state at its last join, not part of who it is.
 *
 * @param eligible {@code master_eligibility}: a read replica ({@code leader.eligibility=false}) is never leader
 * @param leader the sticky-election flag Confluent sends since 7.7: true when the member leads and
 *     {@code leader.election.sticky} is on; absent (read as false) from Confluent 7.0–7.6 and Karapace
 */
public record SrIdentity(String host, int port, String scheme, boolean eligible, int version, boolean leader) {

    /** Confluent's identity version, which Castle advertises. */
    public static final int CONFLUENT_VERSION = 1;

    /** An identity without the sticky-election flag set. */
    public SrIdentity(String host, int port, String scheme, boolean eligible, int version) {
        this(host, port, scheme, eligible, version, false);
    }

    /** This node's identity as Castle advertises it. */
    public static SrIdentity of(String scheme, String host, int port, boolean eligible) {
        return new SrIdentity(host, port, scheme, eligible, CONFLUENT_VERSION);
    }

    /** The same identity with the sticky-election flag set as given. */
    public SrIdentity withLeader(boolean isLeader) {
        return new SrIdentity(host, port, scheme, eligible, version, isLeader);
    }

    /** {@code scheme://host:port}, the address other members forward writes to. */
    public String url() {
        return scheme + "://" + host + ":" + port;
    }

    /** Same member as far as routing goes: same URL and eligibility, whatever the identity version. */
    public boolean sameEndpoint(SrIdentity other) {
        return other != null && url().equals(other.url()) && eligible == other.eligible;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SrIdentity that
                && host.equals(that.host)
                && port == that.port
                && scheme.equals(that.scheme)
                && eligible == that.eligible
                && version == that.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, scheme, eligible, version);
    }
}
