package dev.castle.domain;

/** Parses the {@code {v}} path segment (spec §2.3): {@code latest} or {@code -1}, or an integer in [1, 2^31-1]. */
public final class VersionSpec {
    /** The value standing for {@code latest}. */
    public static final int LATEST = -1;

    private VersionSpec() {}

    /** Returns the version, or {@link #LATEST}; anything else is 42202 with the text as given. */
    public static int parse(String text) {
        if ("latest".equals(text)) {
            return LATEST;
        }
        try {
            int version = Integer.parseInt(text);
            if (version >= 1 || version == LATEST) {
                return version;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the Confluent error
        }
        throw new RegistryException(ErrorCode.INVALID_VERSION, text);
    }
}
